package org.openmdms.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;
import org.openmdms.vee.control.Slot;

/**
 * The slot table of a bulk run in the database: slots keyed by UTC end, periods, CPP flags and demand
 * windows as the accumulator places reads (DST days included), and the tally of per-period sums
 * giving the same determinants as the accumulator over the same reads.
 */
class SlotTableTest {

    private static final ZoneId LONDON = TestSchedules.LONDON;
    private static final ZoneId LA = TestSchedules.LOS_ANGELES;

    private static AccountPeriod month(ZoneId zone, int year, int month) {
        return BillingPeriod.month(zone, year, month).whole("ACC");
    }

    @Test
    void slotsOfAnAutumnMonthAreKeyedByUtcEndWithBothRepeatedHoursInTheirPeriod() {
        SeasonalSchedule night = TestSchedules.night();
        SlotTable table = SlotTable.of(night, List.of(), month(LONDON, 2026, 10), 15);
        assertEquals(31 * 96 + 4, table.size(), "25 October has 100 quarter-hours");
        Instant first = LocalDate.of(2026, 10, 1).atStartOfDay(LONDON).toInstant();
        assertEquals(first.plus(Duration.ofMinutes(15)), table.end(0));
        for (int i = 0; i < table.size(); i++) {
            assertEquals(first.plus(Duration.ofMinutes(15L * (i + 1))), table.end(i), "UTC ends, one every 15 minutes");
            Instant start = table.end(i).minus(Duration.ofMinutes(15));
            assertEquals(night.periodAt(start, LONDON), table.periodNames().get(table.period(i)), start.toString());
            assertEquals(i, table.window(i), "without a block window every interval is its own window");
        }
        // 25 October: 00:00 BST = 24 October 23:00 UTC; 01:00 BST (00:00 UTC) and 01:00 GMT (01:00 UTC)
        Instant repeatedFirst = Instant.parse("2026-10-25T00:00:00Z");
        int nights = 0;
        for (int i = 0; i < table.size(); i++) {
            Instant start = table.end(i).minus(Duration.ofMinutes(15));
            if (!start.isBefore(repeatedFirst) && start.isBefore(repeatedFirst.plus(Duration.ofHours(2)))) {
                assertEquals("night", table.periodNames().get(table.period(i)), start.toString());
                nights++;
            }
        }
        assertEquals(8, nights, "both 01:00-02:00 hours are night");
        assertTrue(table.windowsAligned());
        assertEquals(List.of("night", "day", TouSchedule.UNSCHEDULED), table.periodNames());
    }

    @Test
    void aSpringMonthInLosAngelesHasItsBlockWindowsOnTheLocalClock() {
        SeasonalSchedule classic = TestSchedules.classic(TestSchedules.US_2024, 30);
        SlotTable table = SlotTable.of(classic, List.of(), month(LA, 2024, 3), 15);
        assertEquals(31 * 96 - 4, table.size(), "10 March has 92 quarter-hours");
        assertEquals(table.size() / 2, table.windowCount());
        assertEquals(2, table.intervalsPerWindow());
        for (int i = 0; i < table.size(); i++) {
            Instant start = table.end(i).minus(Duration.ofMinutes(15));
            assertEquals(LocalClock.floor(start, LA, 30), table.windowStart(table.window(i)));
            assertEquals(classic.periodAt(start, LA), table.periodNames().get(table.period(i)));
        }
        for (int w = 1; w < table.windowCount(); w++) {
            assertTrue(table.windowStart(w).isAfter(table.windowStart(w - 1)), "windows in time order");
        }
        assertTrue(table.windowsAligned(), "the classic periods change on the hour");
    }

    @Test
    void cppFlagsAndWindowsAcrossAnEventBoundaryAreNotAligned() {
        SeasonalSchedule classic = TestSchedules.classic(TestSchedules.US_2024, 30);
        Instant at = LocalDate.of(2024, 3, 12).atTime(16, 0).atZone(LA).toInstant();
        SlotTable aligned = SlotTable.of(classic, List.of(new CriticalPeakEvent(at, at.plus(Duration.ofHours(2)))),
                month(LA, 2024, 3), 15);
        assertTrue(aligned.windowsAligned());
        int flagged = 0;
        for (int i = 0; i < aligned.size(); i++) {
            flagged += aligned.cpp(i) ? 1 : 0;
        }
        assertEquals(8, flagged);
        SlotTable across = SlotTable.of(classic, List.of(new CriticalPeakEvent(at.plus(Duration.ofMinutes(15)),
                at.plus(Duration.ofHours(2)))), month(LA, 2024, 3), 15);
        assertFalse(across.windowsAligned(), "a window half in the event");
    }

    @Test
    void refusesWhatTheAccumulatorRefuses() {
        SeasonalSchedule classic = TestSchedules.classic(TestSchedules.US_2024, 30);
        assertThrows(IllegalArgumentException.class, () -> SlotTable.of(classic, List.of(), month(LA, 2024, 3), 7));
        assertThrows(IllegalArgumentException.class, () -> SlotTable.of(classic, List.of(), month(LA, 2024, 3), 20));
    }

    @Test
    void theTallyOfSumsEqualsTheAccumulatorOnDstMonthsWithGapsEditsExportAndCpp() {
        Random random = new Random(5);
        for (ZoneId zone : List.of(LONDON, LA)) {
            for (int monthOfYear : List.of(3, 10, 11)) {
                for (Integer window : new Integer[] {null, 30, 60}) {
                    SeasonalSchedule classic = TestSchedules.classic(TestSchedules.US_2024, window);
                    AccountPeriod period = month(zone, 2024, monthOfYear);
                    Instant at = LocalDate.of(2024, monthOfYear, 12).atTime(16, 0).atZone(zone).toInstant();
                    List<CriticalPeakEvent> events = List.of(new CriticalPeakEvent(at, at.plus(Duration.ofHours(3))));
                    List<Slot> delivered = reads(random, period, 15, 0.02);
                    List<Slot> received = reads(random, period, 15, 0.01);
                    Determinants expected = new DeterminantCalculator(classic, events).calculate(period, 15, delivered,
                            received);
                    SlotTable table = SlotTable.of(classic, events, period, 15);
                    assertTrue(table.windowsAligned());
                    assertEquals(expected, tally(table, delivered, received), zone + " " + monthOfYear + " " + window);
                }
            }
        }
    }

    @Test
    void theTallyListsUnscheduledIntervalsOfACalendarLikeTheAccumulator() {
        AccountPeriod period = month(LONDON, 2013, 3);
        Map<Instant, String> bands = new HashMap<>();
        Instant start = period.start();
        // Published for the first 20 days only: the rest is UNSCHEDULED.
        for (int i = 0; i < 20 * 48; i++, start = start.plus(Duration.ofMinutes(30))) {
            bands.put(start, i % 7 == 0 ? "High" : i % 3 == 0 ? "Low" : "Normal");
        }
        CalendarSchedule calendar = CalendarSchedule.of("dtou", 30, bands);
        List<Slot> delivered = reads(new Random(7), period, 30, 0.03);
        Determinants expected = new DeterminantCalculator(calendar, List.of()).calculate(period, 30, delivered, null);
        SlotTable table = SlotTable.of(calendar, List.of(), period, 30);
        Determinants got = tally(table, delivered, null);
        assertEquals(expected, got);
        assertTrue(got.unscheduledIntervals() > 0);
        assertTrue(got.period(TouSchedule.UNSCHEDULED).isPresent());
    }

    /** Reads on every slot of the period but a share missing, some estimated or edited, 3 decimals. */
    private static List<Slot> reads(Random random, AccountPeriod period, int minutes, double missing) {
        List<Slot> slots = new ArrayList<>();
        Duration step = Duration.ofMinutes(minutes);
        for (Instant start = period.start(); start.isBefore(period.end()); start = start.plus(step)) {
            if (random.nextDouble() < missing) {
                continue;
            }
            double r = random.nextDouble();
            ReadSource source = r < 0.05 ? ReadSource.ESTIMATED : r < 0.08 ? ReadSource.EDITED : ReadSource.ACTUAL;
            // few distinct values, so that equal peaks happen and the earliest must win
            slots.add(new Slot(start.plus(step), BigDecimal.valueOf(random.nextInt(40), 1).add(
                    BigDecimal.valueOf(random.nextInt(3), 3)), Quality.VALID, source));
        }
        return slots;
    }

    /**
     * What the database's grouped query does, in Java: each channel's reads matched to slots by end,
     * summed per demand window, then per TOU period; the largest complete window per period, earliest
     * first on a tie.
     */
    static Determinants tally(SlotTable table, List<Slot> delivered, List<Slot> received) {
        DeterminantTally tally = new DeterminantTally(table, received != null);
        sums(table, delivered, true, tally);
        if (received != null) {
            sums(table, received, false, tally);
        }
        return tally.finish();
    }

    private static void sums(SlotTable table, List<Slot> reads, boolean delivered, DeterminantTally tally) {
        Map<Instant, Integer> slotByEnd = new HashMap<>();
        for (int i = 0; i < table.size(); i++) {
            slotByEnd.put(table.end(i), i);
        }
        // per window: kWh, count, estimated, edited, period, cpp
        TreeMap<Integer, Object[]> windows = new TreeMap<>();
        for (Slot read : reads) {
            Integer slot = slotByEnd.get(read.end());
            if (slot == null) {
                continue;
            }
            Object[] w = windows.computeIfAbsent(table.window(slot), k -> new Object[] {BigDecimal.ZERO, 0, 0, 0,
                    table.period(slot), table.cpp(slot)});
            w[0] = ((BigDecimal) w[0]).add(read.value());
            w[1] = (int) w[1] + 1;
            w[2] = (int) w[2] + (read.source() == ReadSource.ESTIMATED ? 1 : 0);
            w[3] = (int) w[3] + (read.source() == ReadSource.EDITED ? 1 : 0);
        }
        Map<Integer, Object[]> periods = new TreeMap<>();
        for (Map.Entry<Integer, Object[]> e : windows.entrySet()) {
            Object[] w = e.getValue();
            Object[] p = periods.computeIfAbsent((int) w[4], k -> new Object[] {BigDecimal.ZERO, 0, 0, 0, BigDecimal.ZERO,
                    null, null});
            p[0] = ((BigDecimal) p[0]).add((BigDecimal) w[0]);
            p[1] = (int) p[1] + (int) w[1];
            p[2] = (int) p[2] + (int) w[2];
            p[3] = (int) p[3] + (int) w[3];
            if ((boolean) w[5]) {
                p[4] = ((BigDecimal) p[4]).add((BigDecimal) w[0]);
            }
            if ((int) w[1] == table.intervalsPerWindow()
                    && (p[5] == null || ((BigDecimal) w[0]).compareTo((BigDecimal) p[5]) > 0)) {
                p[5] = w[0];
                p[6] = e.getKey();
            }
        }
        for (Map.Entry<Integer, Object[]> e : periods.entrySet()) {
            Object[] p = e.getValue();
            if (delivered) {
                tally.delivered(e.getKey(), (BigDecimal) p[0], (int) p[1], (int) p[2], (int) p[3], (BigDecimal) p[4],
                        (BigDecimal) p[5], (Integer) p[6]);
            } else {
                tally.received(e.getKey(), (BigDecimal) p[0], (int) p[1], (int) p[2], (int) p[3]);
            }
        }
    }
}
