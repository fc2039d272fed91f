package org.openmdms.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Periods worked out per slot answer exactly as the schedule, DST days included, and so do the determinants. */
class SlotPeriodsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static SeasonalSchedule schedule() {
        return new SeasonalSchedule("test", List.of(Season.allYear("all", List.of(DayPeriod.of("off", "00:00", "16:00"),
                DayPeriod.of("peak", "16:00", "19:00"), DayPeriod.of("off", "19:00", "24:00")),
                List.of(DayPeriod.of("weekend", "00:00", "24:00")), null)), org.openmdms.vee.control.HolidayCalendar.none(),
                true, null);
    }

    @Test
    void everySlotOfAMonthWithADstChangeHasTheSchedulesPeriod() {
        SeasonalSchedule schedule = schedule();
        Instant from = LocalDate.of(2013, 3, 1).atStartOfDay(LONDON).toInstant();
        Instant to = LocalDate.of(2013, 4, 1).atStartOfDay(LONDON).toInstant();
        SlotPeriods slots = SlotPeriods.of(schedule, LONDON, from, to, 15);
        int n = 0;
        for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(15))) {
            assertEquals(schedule.periodAt(t, LONDON), slots.periodAt(t, LONDON), t.toString());
            n++;
        }
        assertEquals(2972, n, "31 days of quarter-hours, one hour short on 31 March");
        // outside the span and in another zone it asks the schedule
        Instant later = to.plus(Duration.ofDays(3)).plus(Duration.ofHours(16));
        assertEquals(schedule.periodAt(later, LONDON), slots.periodAt(later, LONDON));
        ZoneId la = ZoneId.of("America/Los_Angeles");
        assertEquals(schedule.periodAt(from, la), slots.periodAt(from, la));
        assertEquals(schedule.periodNames(), slots.periodNames());
    }
}
