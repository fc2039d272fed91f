package org.openmdms.billing.control;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A time-of-use schedule (DOMAIN.md §5): which named TOU period ("on-peak", "High", …) each interval
 * of a channel falls in, judged by the interval's start. Either a {@link SeasonalSchedule} of seasons,
 * day types and local-time periods, or a {@link CalendarSchedule} that names the period of every
 * interval in advance (dynamic tariffs). A schedule may also set a block demand window longer than
 * the channel's interval.
 */
public sealed interface TouSchedule permits SeasonalSchedule, CalendarSchedule, SlotPeriods {

    /**
     * The period of an interval that the schedule does not cover: only a calendar schedule has such
     * intervals (before its first or after its last published interval). Reserved: no schedule may
     * use it as a period name.
     */
    String UNSCHEDULED = "UNSCHEDULED";

    String name();

    /**
     * The TOU period of the interval that starts at this instant, in a usage point of this zone;
     * {@link #UNSCHEDULED} if the schedule has none for it.
     */
    String periodAt(Instant intervalStart, ZoneId zone);

    /** Every period name the schedule uses, in a stable order for display (never {@link #UNSCHEDULED}). */
    List<String> periodNames();

    /**
     * The block demand window in minutes (e.g. 30 over 15-minute data), or null when demand is measured
     * over the channel's own interval.
     */
    Integer demandWindowMinutes();

    /** Refuses a blank period name and the reserved {@link #UNSCHEDULED}; for editors as for schedules. */
    static void checkPeriodName(String period) {
        if (period == null || period.isBlank()) {
            throw new IllegalArgumentException("a TOU period needs a name");
        }
        if (period.equals(UNSCHEDULED)) {
            throw new IllegalArgumentException(UNSCHEDULED + " is reserved for intervals a calendar does not cover");
        }
    }

    /** Refuses a demand window that does not divide the day into whole windows; null (none) is fine. */
    static void checkDemandWindow(Integer minutes) {
        if (minutes != null && (minutes <= 0 || 1440 % minutes != 0)) {
            throw new IllegalArgumentException("a demand window must divide the day into whole windows: " + minutes
                    + " minutes");
        }
    }
}
