package org.openmdms.vee.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.Unit;

/**
 * What VEE knows about one channel when it judges some of its days: the series of the days under
 * judgement and of the history before them (for like-day checks and estimates), the channel's reading
 * type, the spans in which a meter was installed, the register reads around it (for the sum check and
 * scaling), the service capacity of the channel's usage point in kW (for max demand; null if unknown)
 * and the holiday calendar.
 *
 * @param judged the days under judgement, whole local days
 * @param history the days before them (prior weeks); may be empty of values, never null — VEE loads
 *     them only for channels with gaps to estimate
 * @param likeDays the totals of the complete days before them, for like-day comparisons
 * @param installed when a meter was installed at the usage point: [from, to), to null while open
 * @param registerReads cumulative register reads of the same quantity, in time order
 */
public record VeeContext(long channelId, Unit unit, FlowDirection direction, IntervalSeries judged,
        IntervalSeries history, LikeDayTotals likeDays, List<Installed> installed, List<RegisterReading> registerReads,
        BigDecimal capacityKw, HolidayCalendar holidays) {

    /** A context whose like-day totals are those of its history's slots. */
    public VeeContext(long channelId, Unit unit, FlowDirection direction, IntervalSeries judged, IntervalSeries history,
            List<Installed> installed, List<RegisterReading> registerReads, BigDecimal capacityKw,
            HolidayCalendar holidays) {
        this(channelId, unit, direction, judged, history, LikeDayTotals.of(history), installed, registerReads,
                capacityKw, holidays);
    }

    /** A span in which a meter was installed at the usage point. */
    public record Installed(Instant from, Instant to) {

        public boolean covers(Instant instant) {
            return !instant.isBefore(from) && (to == null || instant.isBefore(to));
        }

        /** Whether the span covers both instants and so every instant between them. */
        boolean coversAll(Instant first, Instant last) {
            return covers(first) && covers(last);
        }
    }

    /** A register (dial) reading at an instant. */
    public record RegisterReading(Instant readAt, BigDecimal value) {
    }

    /**
     * Whether one installation covers the start of every interval of the judged series (installation
     * goes by an interval's start): the usual case, in which no interval need be looked at one by one.
     */
    public boolean installedThroughout() {
        List<Slot> slots = judged.slots();
        if (slots.isEmpty()) {
            return true;
        }
        Instant firstStart = slots.get(0).end().minus(judged.step());
        Instant lastStart = slots.get(slots.size() - 1).end().minus(judged.step());
        for (Installed span : installed) {
            if (span.coversAll(firstStart, lastStart)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a meter was installed at the usage point at this instant (e.g. an interval's start). */
    public boolean installedAt(Instant instant) {
        for (Installed span : installed) {
            if (span.covers(instant)) {
                return true;
            }
        }
        return false;
    }

    /** The days under judgement, first to last. */
    public List<LocalDate> days() {
        return judged.firstDay().datesUntil(judged.endDay()).toList();
    }
}
