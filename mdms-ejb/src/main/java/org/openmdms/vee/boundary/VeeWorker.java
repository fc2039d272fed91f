package org.openmdms.vee.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmdms.admin.entity.Role;
import org.openmdms.billing.boundary.HolidayLookup;
import org.openmdms.config.Settings;
import org.openmdms.reading.boundary.ImportFinished;
import org.openmdms.reading.store.PendingDay;
import org.openmdms.reading.store.PendingDayStore;
import org.openmdms.schedule.control.OnePass;
import org.openmdms.vee.control.CachedRuleSets;
import org.openmdms.vee.control.HolidayCalendar;
import org.openmdms.vee.control.IntervalSeries;
import org.openmdms.vee.control.RuleSetSource;

/**
 * Judges the channel days ingest queued ({@code vee_pending_day}) every 10 seconds: a day is due
 * when it holds all its intervals (46, 48 or 50 half-hours in London) or when the deadline after its
 * end has passed ({@code mdms.vee.deadline.hours}, 6) — data that is still coming is not judged too
 * early — and, while imports run, not before they end (see {@link #due}); an import's end wakes the
 * worker. Due days are judged per usage point in ranges of at most {@value VeeRunner#MAX_DAYS} days;
 * ranges of the same days are judged in batches of usage points, each batch in one transaction with
 * one load of reads ({@link VeeRunner#runAll}), in {@value #LANES} lanes side by side ({@link VeeLane}), and leave
 * the queue unless new reads queued them again meanwhile.
 * A longer span is cut before a day that is complete on every channel, where there is one, so that a
 * gap is never cut in two by the ranges (one gap, one exception; see {@link #ranges}).
 */
@Singleton
@RunAs(Role.ADMIN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class VeeWorker {

    static final int BATCH = 20_000;
    /**
     * Batches judged side by side. Each batch waits on the database for about half its time, so four
     * keep a 2-core server and its database busier than two: a daily file of 2 000 meters is 4 batches
     * of 500, one per lane, not two after each other in each of two lanes (bench/ingest/vee-cost.sh:
     * the pass's median 0.19 → 0.17 s, the wall-clock ratio 0.19 → 0.16, rounds 0.11–0.29 instead of
     * 0.12–0.54).
     */
    static final int LANES = 4;
    private static final Logger LOG = Logger.getLogger(VeeWorker.class.getName());

    /** Channel days (judged and history together) one batch may load: about 190 000 quarter-hours. */
    static final int BATCH_CHANNEL_DAYS = 2_000;
    /**
     * Usage points one batch may lock. A daily file's batches are one day per usage point, so this,
     * not the load, sets their size: each batch pays its own lock, queries and commit (a daily file
     * of 2 000 meters was 20 batches of 100, then 8 of 250; bench/ingest/vee-cost.sh BATCH_LOG=1). At
     * most 500: the lists of ids a batch binds stay below Oracle's 1 000 expressions per IN list.
     */
    static final int BATCH_USAGE_POINTS = 500;

    private final OnePass passes = new OnePass(this::judgeOnce);

    @Inject
    PendingDayStore pending;

    @Inject
    VeeLane lanes;

    @Inject
    RuleSetSource ruleSets;

    @Inject
    HolidayLookup holidayLookup;

    @Resource
    SessionContext context;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void judgeDueDays() {
        pass();
    }

    /**
     * An import finished: judge what it queued now rather than at the next tick (the days it completed
     * waited while it ran, see {@link #due}).
     */
    @PermitAll
    public void onImportFinished(@Observes ImportFinished finished) {
        context.getBusinessObject(VeeWorker.class).wake();
    }

    /** Starts a pass on a thread of its own (or asks the running pass for one more). */
    @Asynchronous
    @PermitAll
    public void wake() {
        pass();
    }

    /** One pass at a time; a pass asked for while one runs is run right after it. */
    private void pass() {
        passes.run();
    }

    private void judgeOnce() {
        Instant started = Instant.now();
        boolean importing = pending.importsRunning();
        // While imports run only days queued before the yield can be due (see due): the others are not
        // even listed, so that a tick during a large import costs it nothing.
        List<PendingDay> queued = importing
                ? pending.oldest(BATCH, started.minusSeconds(Settings.veeImportYieldSeconds()))
                : pending.oldest(BATCH);
        Map<String, List<PendingDay>> due = due(queued, started, importing);
        if (due.isEmpty()) {
            return;
        }
        LOG.fine(() -> "VEE pass: " + queued.size() + " queued days listed in "
                + (Instant.now().toEpochMilli() - started.toEpochMilli()) + " ms");
        List<List<DueRange>> batches = batches(due);
        int ranges = judgeInLanes(batches);
        LOG.info(() -> "VEE judged " + due.values().stream().mapToInt(List::size).sum() + " channel days of "
                + due.size() + " usage points in " + ranges + " ranges and " + batches.size() + " batches, "
                + (Instant.now().toEpochMilli() - started.toEpochMilli()) + " ms");
    }

    /**
     * The due days by usage point. A day is due when it is complete, or when it is past the deadline
     * after its end and no import is running (its missing intervals may be on their way: judged now,
     * they would be estimated and then replaced by the actuals). While imports run even complete days
     * wait, up to {@code mdms.vee.import-yield.seconds} after they were queued, so that VEE does not
     * compete with the import for the cores; the import's end wakes the worker.
     */
    static Map<String, List<PendingDay>> due(List<PendingDay> days, Instant now, boolean importsRunning) {
        Map<String, List<PendingDay>> due = new LinkedHashMap<>();
        long deadlineSeconds = Settings.veeDeadlineHours() * 3600L;
        Instant queuedBefore = now.minusSeconds(Settings.veeImportYieldSeconds());
        for (PendingDay day : days) {
            ZoneId zone = ZoneId.of(day.zone());
            boolean complete = complete(day);
            boolean late = day.day().plusDays(1).atStartOfDay(zone).toInstant().plusSeconds(deadlineSeconds)
                    .isBefore(now);
            boolean waitedEnough = !importsRunning || day.queuedAt().isBefore(queuedBefore);
            if (complete && waitedEnough || late && !importsRunning) {
                due.computeIfAbsent(day.usagePoint(), up -> new ArrayList<>()).add(day);
            }
        }
        return due;
    }

    /** Whether the queued day holds all its intervals (46, 48 or 50 half-hours in London). */
    static boolean complete(PendingDay day) {
        return day.readCount() >= IntervalSeries.expectedCount(ZoneId.of(day.zone()), day.intervalMinutes(), day.day());
    }

    /** A usage point's due days within one range of days it is judged over. */
    record DueRange(VeeRunner.Judgement judgement, List<PendingDay> days) {

        /**
         * Channel days the range loads as raw reads: each channel's judged days, and their
         * {@value VeeRunner#HISTORY_DAYS} days of history only for a channel with a gap to estimate
         * (a due day with fewer reads than intervals) — the others take their like days from the daily
         * totals. Counting history for every channel made a daily file's batches two thirds full.
         */
        int load() {
            long judged = java.time.temporal.ChronoUnit.DAYS.between(judgement.from(), judgement.to());
            Map<Long, Boolean> gapByChannel = new LinkedHashMap<>();
            for (PendingDay day : days) {
                gapByChannel.merge(day.channelId(), !complete(day), Boolean::logicalOr);
            }
            long load = 0;
            for (boolean gap : gapByChannel.values()) {
                load += judged + (gap ? VeeRunner.HISTORY_DAYS : 0);
            }
            return (int) load;
        }
    }

    /**
     * The due ranges in batches, each judged in one transaction with one load of reads: ranges of the
     * same days together (a batch's reads are one span), at most {@value #BATCH_USAGE_POINTS} usage
     * points and about {@value #BATCH_CHANNEL_DAYS} channel days each (a range larger than that alone).
     * The ranges of a span are dealt into as few batches as the limits allow, rounded up to a multiple
     * of the {@value #LANES} lanes and of even size, so that the lanes finish together: a daily file of
     * 2 000 meters is 4 batches of 500, not 8 of 250 — each batch pays its own lock, queries and commit
     * — and 300 meters are 4 batches of 75, one per lane, not 250 and 50.
     */
    static List<List<DueRange>> batches(Map<String, List<PendingDay>> due) {
        Map<List<LocalDate>, List<DueRange>> bySpan = new LinkedHashMap<>();
        due.forEach((usagePoint, days) -> {
            List<LocalDate[]> ranges = ranges(days);
            for (LocalDate[] range : ranges) {
                List<PendingDay> inRange = ranges.size() == 1 ? days : days.stream()
                        .filter(d -> !d.day().isBefore(range[0]) && d.day().isBefore(range[1])).toList();
                if (!inRange.isEmpty()) {
                    bySpan.computeIfAbsent(List.of(range[0], range[1]), k -> new ArrayList<>())
                            .add(new DueRange(new VeeRunner.Judgement(usagePoint, range[0], range[1]), inRange));
                }
            }
        });
        List<List<DueRange>> batches = new ArrayList<>();
        for (List<DueRange> sameSpan : bySpan.values()) {
            int size = batchSize(sameSpan);
            List<DueRange> batch = new ArrayList<>();
            int load = 0;
            for (DueRange range : sameSpan) {
                if (!batch.isEmpty() && (batch.size() == size || load + range.load() > BATCH_CHANNEL_DAYS)) {
                    batches.add(batch);
                    batch = new ArrayList<>();
                    load = 0;
                }
                batch.add(range);
                load += range.load();
            }
            batches.add(batch);
        }
        return batches;
    }

    /** The usage points per batch for ranges of one span: as few batches as the limits allow, a multiple of the lanes. */
    private static int batchSize(List<DueRange> sameSpan) {
        long load = sameSpan.stream().mapToLong(DueRange::load).sum();
        int count = (int) Math.max(ceilDiv(sameSpan.size(), BATCH_USAGE_POINTS), ceilDiv(load, BATCH_CHANNEL_DAYS));
        if (sameSpan.size() >= LANES) {
            count = (int) ceilDiv(count, LANES) * LANES;
        }
        return (int) ceilDiv(sameSpan.size(), count);
    }

    private static long ceilDiv(long x, long y) {
        return (x + y - 1) / y;
    }

    /**
     * Judges the batches in {@value #LANES} lanes side by side (dealt out in turn), with the rule sets
     * and the holiday calendar looked up once for the pass; returns the number of ranges judged.
     */
    private int judgeInLanes(List<List<DueRange>> batches) {
        List<List<List<DueRange>>> work = new ArrayList<>();
        for (int i = 0; i < LANES; i++) {
            work.add(new ArrayList<>());
        }
        int next = 0;
        for (List<DueRange> batch : batches) {
            work.get(next++ % LANES).add(batch);
        }
        RuleSetSource pass = new CachedRuleSets(ruleSets);
        HolidayCalendar holidays = holidayLookup.vee();
        Instant started = Instant.now();
        List<Future<Integer>> running = new ArrayList<>();
        for (List<List<DueRange>> lane : work) {
            if (!lane.isEmpty()) {
                running.add(lanes.judge(lane, pass, holidays, started));
            }
        }
        int ranges = 0;
        for (Future<Integer> lane : running) {
            try {
                ranges += lane.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                LOG.log(Level.WARNING, "A VEE lane failed; its days stay queued", e.getCause());
            }
        }
        return ranges;
    }

    /**
     * The ranges [from, to) of local days a usage point's due days are judged in, each at most
     * {@value VeeRunner#MAX_DAYS} days. A run of missing intervals is one exception only when one range
     * holds it whole, so a range that must be cut ends, where it can, just before a day that every
     * channel of the list holds complete (its first interval present, so no gap crosses the cut);
     * only when no such day is within reach is the range cut at {@value VeeRunner#MAX_DAYS} days.
     */
    static List<LocalDate[]> ranges(List<PendingDay> days) {
        LocalDate first = days.get(0).day();
        LocalDate last = first;
        for (PendingDay day : days) {
            first = day.day().isBefore(first) ? day.day() : first;
            last = day.day().isAfter(last) ? day.day() : last;
        }
        if (!first.plusDays(VeeRunner.MAX_DAYS).isAfter(last)) {
            return cut(days, first, last);
        }
        // Within reach of one range, as a daily file's one day: nothing to cut.
        return List.<LocalDate[]>of(new LocalDate[] {first, last.plusDays(1)});
    }

    /** The ranges of days [first, last] too long for one range, cut as {@link #ranges} says. */
    private static List<LocalDate[]> cut(List<PendingDay> days, LocalDate first, LocalDate last) {
        Set<Long> channels = new HashSet<>();
        Map<LocalDate, Set<Long>> completeChannels = new HashMap<>();
        for (PendingDay day : days) {
            channels.add(day.channelId());
            if (complete(day)) {
                completeChannels.computeIfAbsent(day.day(), d -> new HashSet<>()).add(day.channelId());
            }
        }
        List<LocalDate[]> ranges = new ArrayList<>();
        LocalDate from = first;
        while (!from.isAfter(last)) {
            LocalDate to;
            if (!from.plusDays(VeeRunner.MAX_DAYS).isAfter(last)) {
                to = from.plusDays(VeeRunner.MAX_DAYS);
                for (LocalDate cut = to; cut.isAfter(from); cut = cut.minusDays(1)) {
                    if (completeChannels.getOrDefault(cut, Set.of()).containsAll(channels)) {
                        to = cut;
                        break;
                    }
                }
            } else {
                to = last.plusDays(1);
            }
            ranges.add(new LocalDate[] {from, to});
            from = to;
        }
        return ranges;
    }
}
