package org.openmdms.vee.control.estimation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.Unit;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;
import org.openmdms.vee.control.Estimate;
import org.openmdms.vee.control.IntervalSeries;
import org.openmdms.vee.control.Slot;
import org.openmdms.vee.control.VeeContext;
import org.openmdms.vee.control.VeeContext.RegisterReading;

/**
 * Test data for one London channel: stored intervals by local end time ("2013-01-15T00:15"; an
 * instant ending in Z for the repeated autumn hour), register reads, the England and Wales holidays,
 * and a context judging some days with the four weeks before them as history.
 */
final class ChannelBuilder {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final int minutes;
    private final Map<Instant, Slot> stored = new HashMap<>();
    private final List<RegisterReading> registers = new ArrayList<>();

    private ChannelBuilder(int minutes) {
        this.minutes = minutes;
    }

    static ChannelBuilder halfHours() {
        return new ChannelBuilder(30);
    }

    static ChannelBuilder quarterHours() {
        return new ChannelBuilder(15);
    }

    static Instant at(String time) {
        return time.endsWith("Z") ? Instant.parse(time) : LocalDateTime.parse(time).atZone(LONDON).toInstant();
    }

    static LocalDate date(String day) {
        return LocalDate.parse(day);
    }

    /** Actual reads for every interval of the local days [first, end), valued by day and local start time. */
    ChannelBuilder days(String first, String end, BiFunction<LocalDate, LocalTime, String> value) {
        IntervalSeries frame = IntervalSeries.of(LONDON, minutes, date(first), date(end), Map.of());
        for (Slot slot : frame.slots()) {
            LocalTime start = slot.end().minus(frame.step()).atZone(LONDON).toLocalTime();
            put(slot.end(), value.apply(frame.dayOf(slot.end()), start), Quality.VALID, ReadSource.ACTUAL);
        }
        return this;
    }

    ChannelBuilder days(String first, String end, String value) {
        return days(first, end, (day, time) -> value);
    }

    ChannelBuilder actual(String end, String value) {
        return put(at(end), value, Quality.VALID, ReadSource.ACTUAL);
    }

    ChannelBuilder outage(String end, String value) {
        return put(at(end), value, Quality.POWER_OUTAGE, ReadSource.ACTUAL);
    }

    ChannelBuilder estimated(String end, String value) {
        return put(at(end), value, Quality.VALID, ReadSource.ESTIMATED);
    }

    /** Removes the stored intervals with ends from first to last, both included. */
    ChannelBuilder missing(String firstEnd, String lastEnd) {
        for (Instant end = at(firstEnd); !end.isAfter(at(lastEnd)); end = end.plusSeconds(60L * minutes)) {
            stored.remove(end);
        }
        return this;
    }

    ChannelBuilder register(String at, String value) {
        registers.add(new RegisterReading(at(at), new BigDecimal(value)));
        return this;
    }

    /** Stores the estimates as the boundary would: source ESTIMATED, with their quality. */
    ChannelBuilder store(List<Estimate> estimates) {
        estimates.forEach(e -> stored.put(e.end(), new Slot(e.end(), e.value(), e.quality(), ReadSource.ESTIMATED)));
        return this;
    }

    /** A context judging the local days [first, end), with the four weeks before as history. */
    VeeContext judging(String first, String end) {
        LocalDate from = date(first);
        return new VeeContext(7L, Unit.KWH, FlowDirection.DELIVERED,
                IntervalSeries.of(LONDON, minutes, from, date(end), stored),
                IntervalSeries.of(LONDON, minutes, from.minusWeeks(4), from, stored), List.of(),
                List.copyOf(registers), null, HolidayCalendars.byId(HolidayCalendars.ENGLAND_AND_WALES));
    }

    private ChannelBuilder put(Instant end, String value, int quality, ReadSource source) {
        stored.put(end, new Slot(end, new BigDecimal(value), quality, source));
        return this;
    }
}
