package org.openmdms.vee.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmdms.reading.store.PendingDay;

/** How the VEE worker cuts a usage point's due days into ranges of at most 93 days. */
class VeeWorkerTest {

    private static final LocalDate JAN_1 = LocalDate.of(2013, 1, 1);

    /** Days of one half-hourly London channel from JAN_1: all complete except the given ones (45 reads). */
    private static List<PendingDay> days(long channel, int count, LocalDate... incomplete) {
        List<PendingDay> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate day = JAN_1.plusDays(i);
            int reads = List.of(incomplete).contains(day) ? 45
                    : org.openmdms.vee.control.IntervalSeries.expectedCount(java.time.ZoneId.of("Europe/London"), 30, day);
            days.add(new PendingDay(channel, day, "UP", "Europe/London", 30, Instant.EPOCH, reads));
        }
        return days;
    }

    private static List<String> ranges(List<PendingDay> days) {
        return VeeWorker.ranges(days).stream().map(r -> r[0] + "/" + r[1]).toList();
    }

    @Test
    void anIncompletePastDayWaitsWhileAnImportRunsACompleteOneDoesNot() {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        PendingDay complete = new PendingDay(1, LocalDate.of(2013, 5, 1), "UP-1", "Europe/London", 30, Instant.EPOCH, 48);
        PendingDay partial = new PendingDay(2, LocalDate.of(2013, 5, 1), "UP-2", "Europe/London", 30, Instant.EPOCH, 20);
        PendingDay today = new PendingDay(3, LocalDate.of(2026, 11, 28), "UP-3", "Europe/London", 30, Instant.EPOCH, 20);

        assertEquals(List.of("UP-1"), List.copyOf(VeeWorker.due(List.of(complete, partial, today), now, true).keySet()));
        assertEquals(List.of("UP-1", "UP-2"),
                List.copyOf(VeeWorker.due(List.of(complete, partial, today), now, false).keySet()));
    }

    @Test
    void aCompleteDayQueuedJustNowWaitsForTheRunningImportsButNotForEver() {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        PendingDay young = new PendingDay(1, LocalDate.of(2013, 5, 1), "UP-1", "Europe/London", 30, now.minusSeconds(5), 48);
        PendingDay old = new PendingDay(2, LocalDate.of(2013, 5, 1), "UP-2", "Europe/London", 30, now.minusSeconds(61), 48);

        assertEquals(List.of("UP-2"), List.copyOf(VeeWorker.due(List.of(young, old), now, true).keySet()));
        assertEquals(List.of("UP-1", "UP-2"), List.copyOf(VeeWorker.due(List.of(young, old), now, false).keySet()));
    }

    /** Usage points with the same days share a batch (one load of reads); other days go in batches of their own. */
    @Test
    void rangesOfTheSameDaysAreBatchedUpToTheLoadLimitInEvenBatchesForTheLanes() {
        // Complete days: 30 channel days each (like days from the daily totals): 80 x 30 = 2 400 channel
        // days need 2 batches of at most 2 000, made 4 so that each of the four lanes takes one.
        List<List<VeeWorker.DueRange>> batches = VeeWorker.batches(due(80));

        assertEquals(List.of(20, 20, 20, 20, 1), batches.stream().map(List::size).toList());
        assertEquals("UP-0", batches.get(0).get(0).judgement().usagePoint());
        assertEquals(LocalDate.of(2013, 1, 31), batches.get(3).get(19).judgement().to());
        assertEquals(LocalDate.of(2013, 6, 2), batches.get(4).get(0).judgement().to());
        assertEquals(30, batches.get(0).get(0).days().size());
    }

    /** A channel with a gap loads its raw history too (estimation needs it): 30 + 28 channel days. */
    @Test
    void aRangeWithAGapCountsItsHistoryInTheLoad() {
        java.util.Map<String, List<PendingDay>> due = due(80, JAN_1.plusDays(3));

        // 58 channel days each: 34 fit in 2 000, so 80 usage points need 3 batches: 4 for four lanes.
        assertEquals(List.of(20, 20, 20, 20, 1), VeeWorker.batches(due).stream().map(List::size).toList());
    }

    /** A daily file: one complete day per usage point, so the usage points a batch may lock set the batches. */
    @Test
    void aDailyFileIsAsFewBatchesAsTheUsagePointLimitAllowsDealtEvenlyToTheLanes() {
        assertEquals(List.of(500, 500, 500, 500), batchSizes(dailyFile(2000)));
        assertEquals(List.of(251, 251, 251, 251, 251, 251, 251, 244), batchSizes(dailyFile(2001)));
        assertEquals(List.of(75, 75, 75, 75), batchSizes(dailyFile(300)));
        assertEquals(List.of(1), batchSizes(dailyFile(1)));
    }

    private static List<Integer> batchSizes(java.util.Map<String, List<PendingDay>> due) {
        return VeeWorker.batches(due).stream().map(List::size).toList();
    }

    /** {@code count} usage points with one complete day each, the same day. */
    private static java.util.Map<String, List<PendingDay>> dailyFile(int count) {
        java.util.Map<String, List<PendingDay>> due = new java.util.LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            due.put("UP-" + i, List.of(new PendingDay(i, JAN_1, "UP-" + i, "Europe/London", 30, Instant.EPOCH, 48)));
        }
        return due;
    }

    /** {@code count} usage points with 30 due days each (incomplete on the days given), and one other. */
    private static java.util.Map<String, List<PendingDay>> due(int count, LocalDate... incomplete) {
        java.util.Map<String, List<PendingDay>> due = new java.util.LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            List<PendingDay> days = new ArrayList<>();
            for (PendingDay d : days(i, 30, incomplete)) {
                days.add(new PendingDay(d.channelId(), d.day(), "UP-" + i, d.zone(), 30, d.queuedAt(), d.readCount()));
            }
            due.put("UP-" + i, days);
        }
        due.put("UP-other", List.of(new PendingDay(999, LocalDate.of(2013, 6, 1), "UP-other", "Europe/London", 30,
                Instant.EPOCH, 48)));
        return due;
    }

    @Test
    void aShortSpanIsOneRange() {
        assertEquals(List.of("2013-01-01/2013-03-02"), ranges(days(1, 60)));
    }

    @Test
    void aLongSpanOfCompleteDaysIsCutEvery93Days() {
        assertEquals(List.of("2013-01-01/2013-04-04", "2013-04-04/2013-05-31"), ranges(days(1, 150)));
    }

    /** A gap across midnight at the 93-day mark would be two exceptions if cut there: the cut moves back. */
    @Test
    void aCutIsNeverBeforeADayWithAGapButBeforeTheLatestCompleteDay() {
        LocalDate mark = JAN_1.plusDays(VeeRunner.MAX_DAYS);
        assertEquals(List.of("2013-01-01/2013-04-02", "2013-04-02/2013-05-31"),
                ranges(days(1, 150, mark.minusDays(1), mark)));
    }

    @Test
    void theCutDayMustBeCompleteOnEveryChannel() {
        LocalDate mark = JAN_1.plusDays(VeeRunner.MAX_DAYS);
        List<PendingDay> both = new ArrayList<>(days(1, 150));
        both.addAll(days(2, 150, mark, mark.minusDays(2)));
        assertEquals(List.of("2013-01-01/2013-04-03", "2013-04-03/2013-05-31"), ranges(both));
    }

    @Test
    void withoutACompleteDayWithinReachTheRangeIsCutAt93Days() {
        List<PendingDay> days = days(1, 150);
        days.replaceAll(d -> new PendingDay(d.channelId(), d.day(), d.usagePoint(), d.zone(), 30, d.queuedAt(), 10));
        assertEquals(List.of("2013-01-01/2013-04-04", "2013-04-04/2013-05-31"), ranges(days));
    }
}
