package org.openmdms.vee.control.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.Unit;
import org.openmdms.vee.control.HolidayCalendar;
import org.openmdms.vee.control.IntervalSeries;
import org.openmdms.vee.control.VeeContext;
import org.openmdms.vee.control.VeeContext.Installed;
import org.openmdms.vee.control.VeeContext.RegisterReading;

/**
 * Builds the context a rule judges: by default a delivered kWh channel with a meter installed since
 * 2000 and still there, an empty day of history before the judged days, no register reads, no known
 * capacity and no holidays.
 */
final class ContextBuilder {

    private final IntervalSeries judged;
    private IntervalSeries history;
    private Unit unit = Unit.KWH;
    private FlowDirection direction = FlowDirection.DELIVERED;
    private List<Installed> installed = new ArrayList<>(List.of(new Installed(Instant.parse("2000-01-01T00:00:00Z"), null)));
    private final List<RegisterReading> registerReads = new ArrayList<>();
    private BigDecimal capacityKw;
    private HolidayCalendar holidays = HolidayCalendar.none();

    private ContextBuilder(IntervalSeries judged) {
        this.judged = judged;
        this.history = IntervalSeries.of(judged.zone(), judged.intervalMinutes(), judged.firstDay().minusDays(1),
                judged.firstDay(), Map.of());
    }

    static ContextBuilder judging(IntervalSeries judged) {
        return new ContextBuilder(judged);
    }

    static ContextBuilder judging(SeriesBuilder judged) {
        return new ContextBuilder(judged.build());
    }

    ContextBuilder history(SeriesBuilder history) {
        this.history = history.build();
        return this;
    }

    ContextBuilder unit(Unit unit) {
        this.unit = unit;
        return this;
    }

    ContextBuilder direction(FlowDirection direction) {
        this.direction = direction;
        return this;
    }

    /** Replaces the installations by this one; {@code to} null while open. */
    ContextBuilder installed(Instant from, Instant to) {
        installed = new ArrayList<>(List.of(new Installed(from, to)));
        return this;
    }

    /** Adds an installation to those given before (a meter exchange: one ends where the next starts). */
    ContextBuilder alsoInstalled(Instant from, Instant to) {
        installed.add(new Installed(from, to));
        return this;
    }

    ContextBuilder register(Instant readAt, String value) {
        registerReads.add(new RegisterReading(readAt, new BigDecimal(value)));
        return this;
    }

    ContextBuilder capacityKw(String capacity) {
        capacityKw = new BigDecimal(capacity);
        return this;
    }

    ContextBuilder holidays(HolidayCalendar holidays) {
        this.holidays = holidays;
        return this;
    }

    VeeContext build() {
        return new VeeContext(7L, unit, direction, judged, history, List.copyOf(installed), List.copyOf(registerReads),
                capacityKw, holidays);
    }
}
