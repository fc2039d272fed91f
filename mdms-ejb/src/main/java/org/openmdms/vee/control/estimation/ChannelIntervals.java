package org.openmdms.vee.control.estimation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.openmdms.vee.control.Gap;
import org.openmdms.vee.control.IntervalSeries;
import org.openmdms.vee.control.Slot;
import org.openmdms.vee.control.VeeContext;

/**
 * A channel's intervals as estimation sees them: the history days and the days under judgement as
 * one timeline, so that a gap at the start of the judged days finds its neighbour in the history and
 * a like day may be an earlier judged day. Both series have the channel's zone and interval length.
 */
final class ChannelIntervals {

    private final IntervalSeries judged;
    private final IntervalSeries history;

    ChannelIntervals(VeeContext context) {
        this.judged = context.judged();
        this.history = context.history();
    }

    Duration step() {
        return judged.step();
    }

    /** The slot with this interval end in either series, or null where neither has one. */
    Slot slot(Instant end) {
        Slot slot = judged.at(end);
        return slot != null ? slot : history.at(end);
    }

    /** The slots of a local day from whichever series holds it; empty if neither does. */
    List<Slot> day(LocalDate day) {
        List<Slot> slots = judged.day(day);
        return slots.isEmpty() ? history.day(day) : slots;
    }

    int expectedCount(LocalDate day) {
        return judged.expectedCount(day);
    }

    /** The local day an interval belongs to: the day in which it starts. */
    LocalDate dayOf(Instant end) {
        return judged.dayOf(end);
    }

    /** The local time at which an interval starts: what like-day estimation matches on. */
    LocalTime startTime(Instant end) {
        return end.minus(step()).atZone(judged.zone()).toLocalTime();
    }

    /** The ends of the gap's intervals, in time order. */
    List<Instant> ends(Gap gap) {
        List<Instant> ends = new ArrayList<>();
        for (Instant end = gap.firstEnd(); !end.isAfter(gap.lastEnd()); end = end.plus(step())) {
            ends.add(end);
        }
        return ends;
    }

    /** Whether an instant is an interval boundary of the series (the start or end of an interval). */
    boolean isBoundary(Instant instant) {
        Instant anyEnd = judged.slots().get(0).end();
        return Duration.between(anyEnd, instant).toSeconds() % step().toSeconds() == 0
                && instant.getNano() == anyEnd.getNano();
    }
}
