package org.openmdms.vee.boundary;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmdms.admin.entity.Role;
import org.openmdms.config.Settings;
import org.openmdms.reading.store.PendingDay;
import org.openmdms.reading.store.PendingDayStore;
import org.openmdms.vee.control.CachedRuleSets;
import org.openmdms.vee.control.IntervalSeries;
import org.openmdms.vee.control.RuleSetSource;

/**
 * Judges the channel days ingest queued ({@code vee_pending_day}) every 10 seconds: a day is due
 * when it holds all its intervals (46, 48 or 50 half-hours in London) or when the deadline after its
 * end has passed ({@code mdms.vee.deadline.hours}, 6) — data that is still coming is not judged too
 * early. Due days are judged per usage point in ranges of at most {@value VeeRunner#MAX_DAYS} days,
 * each range in its own transaction, in two lanes side by side ({@link VeeLane}), and leave the queue
 * unless new reads queued them again meanwhile.
 * A longer span is cut before a day that is complete on every channel, where there is one, so that a
 * gap is never cut in two by the ranges (one gap, one exception; see {@link #ranges}).
 */
@Singleton
@RunAs(Role.ADMIN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class VeeWorker {

    static final int BATCH = 20_000;
    /** Usage points judged side by side: two keep a 2-core server and its database busy. */
    static final int LANES = 2;
    private static final Logger LOG = Logger.getLogger(VeeWorker.class.getName());

    private final AtomicBoolean working = new AtomicBoolean();

    @Inject
    PendingDayStore pending;

    @Inject
    VeeLane lanes;

    @Inject
    RuleSetSource ruleSets;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void judgeDueDays() {
        if (!working.compareAndSet(false, true)) {
            return;
        }
        try {
            Instant started = Instant.now();
            Map<String, List<PendingDay>> due = due(pending.oldest(BATCH), started, pending.importsRunning());
            int ranges = judgeInLanes(due, started);
            if (!due.isEmpty()) {
                int judged = ranges;
                LOG.info(() -> "VEE judged " + due.values().stream().mapToInt(List::size).sum() + " channel days of "
                        + due.size() + " usage points in " + judged + " runs, "
                        + (Instant.now().toEpochMilli() - started.toEpochMilli()) + " ms");
            }
        } finally {
            working.set(false);
        }
    }

    /**
     * The due days by usage point: complete, or past the deadline after the day's end — but an
     * incomplete day waits while imports are running (its missing intervals may be on their way:
     * judged now, they would be estimated and then replaced by the actuals).
     */
    static Map<String, List<PendingDay>> due(List<PendingDay> days, Instant now, boolean importsRunning) {
        Map<String, List<PendingDay>> due = new LinkedHashMap<>();
        long deadlineSeconds = Settings.veeDeadlineHours() * 3600L;
        for (PendingDay day : days) {
            ZoneId zone = ZoneId.of(day.zone());
            boolean complete = day.readCount() >= IntervalSeries.expectedCount(zone, day.intervalMinutes(), day.day());
            boolean late = day.day().plusDays(1).atStartOfDay(zone).toInstant().plusSeconds(deadlineSeconds)
                    .isBefore(now);
            if (complete || late && !importsRunning) {
                due.computeIfAbsent(day.usagePoint(), up -> new ArrayList<>()).add(day);
            }
        }
        return due;
    }

    /**
     * Judges the due usage points in {@value #LANES} lanes side by side (usage points dealt out in
     * turn), with the rule sets looked up once for the pass; returns the number of runs.
     */
    private int judgeInLanes(Map<String, List<PendingDay>> due, Instant started) {
        List<Map<String, List<PendingDay>>> work = new ArrayList<>();
        for (int i = 0; i < LANES; i++) {
            work.add(new LinkedHashMap<>());
        }
        int next = 0;
        for (Map.Entry<String, List<PendingDay>> usagePoint : due.entrySet()) {
            work.get(next++ % LANES).put(usagePoint.getKey(), usagePoint.getValue());
        }
        RuleSetSource pass = new CachedRuleSets(ruleSets);
        List<Future<Integer>> running = new ArrayList<>();
        for (Map<String, List<PendingDay>> lane : work) {
            if (!lane.isEmpty()) {
                running.add(lanes.judge(lane, pass, started));
            }
        }
        int runs = 0;
        for (Future<Integer> lane : running) {
            try {
                runs += lane.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                LOG.log(Level.WARNING, "A VEE lane failed; its days stay queued", e.getCause());
            }
        }
        return runs;
    }

    /**
     * The ranges [from, to) of local days a usage point's due days are judged in, each at most
     * {@value VeeRunner#MAX_DAYS} days. A run of missing intervals is one exception only when one range
     * holds it whole, so a range that must be cut ends, where it can, just before a day that every
     * channel of the list holds complete (its first interval present, so no gap crosses the cut);
     * only when no such day is within reach is the range cut at {@value VeeRunner#MAX_DAYS} days.
     */
    static List<LocalDate[]> ranges(List<PendingDay> days) {
        LocalDate first = days.stream().map(PendingDay::day).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = days.stream().map(PendingDay::day).max(LocalDate::compareTo).orElseThrow();
        Set<Long> channels = new HashSet<>();
        Map<LocalDate, Set<Long>> completeChannels = new HashMap<>();
        for (PendingDay day : days) {
            channels.add(day.channelId());
            if (day.readCount() >= IntervalSeries.expectedCount(ZoneId.of(day.zone()), day.intervalMinutes(), day.day())) {
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
