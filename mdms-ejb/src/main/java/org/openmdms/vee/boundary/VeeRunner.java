package org.openmdms.vee.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openmdms.admin.boundary.Caller;
import org.openmdms.admin.entity.Role;
import org.openmdms.meter.boundary.RegistryNotFound;
import org.openmdms.meter.store.UsagePointFacts;
import org.openmdms.meter.store.UsagePointFacts.ChannelFacts;
import org.openmdms.meter.store.UsagePointStore;
import org.openmdms.outage.store.OutageRows;
import org.openmdms.outage.store.OutageStore;
import org.openmdms.reading.entity.ReadSource;
import org.openmdms.reading.store.ChannelClock;
import org.openmdms.reading.store.DailyReading;
import org.openmdms.reading.store.IntervalRow;
import org.openmdms.reading.store.IntervalStore;
import org.openmdms.reading.store.PendingDay;
import org.openmdms.reading.store.PendingDayStore;
import org.openmdms.reading.store.ReadsAtHand;
import org.openmdms.reading.store.RegisterReadStore;
import org.openmdms.vee.control.ConfiguredRule;
import org.openmdms.vee.control.Estimate;
import org.openmdms.vee.control.ExceptionChanges;
import org.openmdms.vee.control.Finding;
import org.openmdms.vee.control.GapFiller;
import org.openmdms.vee.control.HolidayCalendar;
import org.openmdms.vee.control.IntervalSeries;
import org.openmdms.vee.control.LikeDayTotals;
import org.openmdms.vee.control.RuleSetSource;
import org.openmdms.vee.control.Slot;
import org.openmdms.vee.control.StoredSlots;
import org.openmdms.vee.control.VeeContext;
import org.openmdms.vee.entity.ExceptionStatus;
import org.openmdms.vee.entity.VeeException;
import org.openmdms.vee.store.VeeExceptionStore;

/**
 * Runs VEE for a usage point's interval channels over local days [from, to) — or for a batch of
 * usage points at once ({@link #runAll}): loads the channels' reads of those days and of the
 * {@value #HISTORY_DAYS} days before with a few queries for the whole batch, applies the rule
 * set of the usage point's commodity and customer class, brings the exceptions of the range up to
 * date (raised, found again, resolved when no longer found), and fills the gaps with estimates stored
 * as ESTIMATED reads — versioned like any read, so that an actual arriving later replaces them. The
 * same data and rule set give the same exceptions and estimates: a re-run changes nothing. Runs for
 * one usage point wait for each other (its row is locked), so the worker and an analyst never raise
 * the same exception twice.
 */
@Stateless
@RolesAllowed({Role.ADMIN, Role.ANALYST})
public class VeeRunner {

    static final int HISTORY_DAYS = 28;
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(VeeRunner.class.getName());
    /** The longest range one run may judge. */
    public static final int MAX_DAYS = 93;
    private static final String MISSING_INTERVALS = "missing-intervals";

    @Inject
    UsagePointStore usagePoints;

    @Inject
    IntervalStore intervals;

    @Inject
    RegisterReadStore registers;

    @Inject
    PendingDayStore pending;

    @Inject
    VeeExceptionStore exceptions;

    @Inject
    RuleSetSource ruleSets;

    @Inject
    GapFiller gapFiller;

    @Inject
    org.openmdms.reading.boundary.IntervalPartitions partitions;

    @Inject
    org.openmdms.billing.boundary.HolidayLookup holidayLookup;

    @Inject
    OutageStore outages;

    @Resource
    SessionContext context;

    public VeeRunResult run(String usagePointCode, LocalDate from, LocalDate to) {
        return run(usagePointCode, from, to, ruleSets);
    }

    /** As {@link #run(String, LocalDate, LocalDate)}, with the rule sets given (a worker pass looks them up once). */
    public VeeRunResult run(String usagePointCode, LocalDate from, LocalDate to, RuleSetSource rules) {
        return runAll(List.of(new Judgement(usagePointCode, from, to)), rules, holidayLookup.vee(), List.of()).get(0);
    }

    /**
     * A worker's batch ({@link #runAll}) with its queued days taken off the queue in the same
     * transaction — those not queued again since {@code started}, the start of the pass: new reads of
     * a day queue it again, and it is judged again next pass. One commit per batch instead of two.
     */
    public List<VeeRunResult> judgeQueued(List<Judgement> batch, RuleSetSource rules, HolidayCalendar holidays,
            List<PendingDay> queued, Instant started) {
        List<VeeRunResult> results = runAll(batch, rules, holidays, queued);
        pending.remove(queued, started);
        return results;
    }

    /**
     * Judges several usage points in one transaction, each over its own range: locks them (in id
     * order), loads the reads of all their interval channels — judged days and history — and their
     * open exceptions with a few queries for the whole batch, and writes the estimates of the batch in
     * one write. The rule sets and the holiday calendar are given: a worker pass looks them up once for
     * all its batches (the calendar was a query per batch). A worker pass batches usage points that
     * share a range, so that the batch's reads are one contiguous span. An unknown usage point fails
     * the whole batch. {@code queued}: the worker's queued days of the batch; a channel whose judged
     * days are all among them, and whose reads the import kept at hand, is judged from memory instead
     * of reads loaded back ({@link IntervalStore#readsAtHand}).
     */
    public List<VeeRunResult> runAll(List<Judgement> batch, RuleSetSource rules, HolidayCalendar holidays,
            List<PendingDay> queued) {
        batch.forEach(Judgement::check);
        long t0 = System.nanoTime();
        Map<String, UsagePointFacts> locked = usagePoints.lockFacts(batch.stream().map(Judgement::usagePoint).toList());
        List<ChannelRun> runs = new ArrayList<>();
        for (Judgement judgement : batch) {
            UsagePointFacts up = locked.get(judgement.usagePoint());
            if (up == null) {
                throw new RegistryNotFound("No usage point " + judgement.usagePoint());
            }
            for (ChannelFacts channel : up.channels()) {
                if (!channel.readingType().isRegister()) {
                    runs.add(new ChannelRun(judgement, up, channel));
                }
            }
        }
        // Partitions for the estimates, before this transaction reads the interval tables.
        Instant earliest = batch.stream().map(j -> j.from().atStartOfDay(locked.get(j.usagePoint()).timeZone()).toInstant())
                .min(Instant::compareTo).orElseThrow();
        Instant latest = batch.stream()
                .map(j -> j.to().plusDays(1).atStartOfDay(locked.get(j.usagePoint()).timeZone()).toInstant())
                .max(Instant::compareTo).orElseThrow();
        long t1 = System.nanoTime();
        partitions.prepare(earliest, latest);
        long t2 = System.nanoTime();

        long t3 = System.nanoTime();
        int atHand = 0;
        Map<Long, StoredSlots> stored = new HashMap<>();
        Map<Long, LikeDayTotals> likeDays = new HashMap<>();
        Map<Long, List<VeeException>> existing = new HashMap<>();
        if (!runs.isEmpty()) {
            List<Long> channelIds = runs.stream().map(run -> run.channel.id()).toList();
            Instant loadFrom = runs.stream().map(ChannelRun::loadFrom).min(Instant::compareTo).orElseThrow();
            Instant judgedFrom = runs.stream().map(ChannelRun::judgedFrom).min(Instant::compareTo).orElseThrow();
            Instant loadTo = runs.stream().map(ChannelRun::loadTo).max(Instant::compareTo).orElseThrow();
            atHand = loadReads(runs, channelIds, judgedFrom, loadTo, stored, likeDays, queued);
            Map<Long, List<OutageRows.Interruption>> out = outages.sustained(
                    runs.stream().map(run -> run.up.id()).collect(java.util.stream.Collectors.toSet()), loadFrom, loadTo);
            flagOutages(runs, stored, out);
            loadLikeDays(runs, likeDays, out, holidays);
            t3 = System.nanoTime();
            for (VeeException e : exceptions.ofChannels(channelIds, judgedFrom, loadTo)) {
                existing.computeIfAbsent(e.channelId(), c -> new ArrayList<>()).add(e);
            }
        }

        long t4 = System.nanoTime();
        Map<String, Tally> tallies = new LinkedHashMap<>();
        batch.forEach(j -> tallies.put(j.usagePoint(), new Tally()));
        List<IntervalRow> estimated = new ArrayList<>();
        Map<Long, ChannelClock> clocks = new HashMap<>();
        Instant now = Instant.now();
        for (ChannelRun run : runs) {
            List<Estimate> estimates = run.judge(rules.rulesFor(run.up.commodity(), run.up.customerClass()),
                    stored.get(run.channel.id()), likeDays.get(run.channel.id()),
                    existing.getOrDefault(run.channel.id(), List.of()), tallies.get(run.judgement.usagePoint()), now,
                    holidays);
            for (Estimate est : estimates) {
                estimated.add(new IntervalRow(run.channel.id(), est.end(), est.value(), est.quality(), ReadSource.ESTIMATED));
            }
            if (!estimates.isEmpty()) {
                clocks.put(run.channel.id(), run.clock);
            }
        }
        long t5 = System.nanoTime();
        if (!estimated.isEmpty()) {
            intervals.write(estimated, clocks, null);
        }
        long t6 = System.nanoTime();
        long[] ms = {(t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000,
            (t5 - t4) / 1_000_000, (t6 - t5) / 1_000_000};
        int fromMemory = atHand;
        LOG.fine(() -> String.format("VEE batch of %d usage points, %d channels: lock and load %d ms, partitions %d ms,"
                + " reads %d ms, exceptions %d ms, rules %d ms, estimates %d ms; %d channels' reads at hand",
                batch.size(), runs.size(), ms[0], ms[1], ms[2], ms[3], ms[4], ms[5], fromMemory));
        return batch.stream().map(j -> tallies.get(j.usagePoint()).result(j)).toList();
    }

    /**
     * Loads the reads of the judged days of every channel, and the raw history before them only for
     * the channels with a gap in their judged days — estimation takes neighbours and like days from
     * it. The others' history is their stored daily totals ({@link #loadLikeDays}): four weeks of raw
     * reads per judged day would cost VEE many times what the import of that day cost. A channel whose
     * judged days are all queued and still at hand takes them from memory; returns how many did.
     */
    private int loadReads(List<ChannelRun> runs, List<Long> channelIds, Instant judgedFrom, Instant loadTo,
            Map<Long, StoredSlots> stored, Map<Long, LikeDayTotals> likeDays, List<PendingDay> queued) {
        // Room for the judged days only: four weeks of history on every channel's grid were 11 MB a batch
        // of a daily file, allocated and zeroed for the few channels with a gap to estimate.
        runs.forEach(run -> stored.put(run.channel.id(), new StoredSlots(run.judgedFrom(), run.loadTo(),
                run.channel.readingType().intervalMinutes())));
        IntervalStore.ReadSink sink = sinkInto(stored);
        Map<Long, Map<LocalDate, PendingDay>> queuedDays = new HashMap<>();
        for (PendingDay day : queued) {
            queuedDays.computeIfAbsent(day.channelId(), c -> new HashMap<>()).put(day.day(), day);
        }
        List<Long> toLoad = new ArrayList<>(channelIds.size());
        for (ChannelRun run : runs) {
            List<ReadsAtHand.Written> days = run.queued(queuedDays.getOrDefault(run.channel.id(), Map.of()));
            if (days == null || !intervals.readsAtHand(run.channel.id(), days, sink)) {
                toLoad.add(run.channel.id());
            }
        }
        if (!toLoad.isEmpty()) {
            intervals.forEachRead(toLoad, judgedFrom, loadTo, sink);
        }
        int atHand = channelIds.size() - toLoad.size();
        List<ChannelRun> withGaps = runs.stream().filter(run -> run.hasGaps(stored.get(run.channel.id()))).toList();
        if (withGaps.isEmpty()) {
            return atHand;
        }
        Instant historyFrom = withGaps.stream().map(ChannelRun::loadFrom).min(Instant::compareTo).orElseThrow();
        Instant historyTo = withGaps.stream().map(ChannelRun::judgedFrom).max(Instant::compareTo).orElseThrow();
        withGaps.forEach(run -> stored.put(run.channel.id(), stored.get(run.channel.id()).widenedTo(run.loadFrom())));
        intervals.forEachRead(withGaps.stream().map(run -> run.channel.id()).toList(), historyFrom, historyTo,
                sinkInto(stored));
        withGaps.forEach(run -> likeDays.put(run.channel.id(), null));
        return atHand;
    }

    /** Puts each read into its channel's slots (reads come channel by channel: the last channel's slots are remembered). */
    private static IntervalStore.ReadSink sinkInto(Map<Long, StoredSlots> stored) {
        return new IntervalStore.ReadSink() {
            private long lastChannel = Long.MIN_VALUE;
            private StoredSlots last;

            @Override
            public void accept(long channel, Instant end, java.math.BigDecimal value, int quality, ReadSource source) {
                if (channel != lastChannel) {
                    lastChannel = channel;
                    last = stored.get(channel);
                }
                if (last != null) {
                    last.put(new Slot(end, value, quality, source));
                }
            }
        };
    }

    /**
     * The like-day totals of the channels whose raw history was not loaded, from the stored daily
     * totals with one query for the batch: complete days, none of whose intervals lies inside a
     * sustained interruption — of the like days of the judged days only (their day types, holidays
     * as Sundays; {@link org.openmdms.vee.control.rules.HighLowUsageRule} asks for no others): a daily
     * file of weekdays loads 20 of the 28 days, of a Saturday 4.
     */
    private void loadLikeDays(List<ChannelRun> runs, Map<Long, LikeDayTotals> likeDays,
            Map<Long, List<OutageRows.Interruption>> out, HolidayCalendar holidays) {
        List<ChannelRun> fromTotals = runs.stream().filter(run -> !likeDays.containsKey(run.channel.id())).toList();
        if (fromTotals.isEmpty()) {
            return;
        }
        Set<LocalDate> judged = new HashSet<>();
        for (ChannelRun run : fromTotals) {
            run.judgement.from().datesUntil(run.judgement.to()).forEach(judged::add);
        }
        LocalDate from = fromTotals.stream().map(run -> run.judgement.from().minusDays(HISTORY_DAYS))
                .min(LocalDate::compareTo).orElseThrow();
        LocalDate to = fromTotals.stream().map(run -> run.judgement.from()).max(LocalDate::compareTo).orElseThrow();
        List<LocalDate> like = LikeDayTotals.likeDaysOf(judged, from, to, holidays);
        Map<Long, List<DailyReading>> daily = new HashMap<>();
        for (DailyReading day : intervals.daily(fromTotals.stream().map(run -> run.channel.id()).toList(), like)) {
            daily.computeIfAbsent(day.channelId(), c -> new ArrayList<>()).add(day);
        }
        // Intervals per local day, by zone and length: the same like days for every channel of the batch.
        Map<ZonedDayKind, Integer> expected = new HashMap<>();
        for (ChannelRun run : fromTotals) {
            List<OutageRows.Interruption> interruptions = out.getOrDefault(run.up.id(), List.of());
            List<LikeDayTotals.DayTotal> days = new ArrayList<>();
            Set<LocalDate> interrupted = new HashSet<>();
            for (DailyReading day : daily.getOrDefault(run.channel.id(), List.of())) {
                if (day.day().isBefore(run.judgement.from().minusDays(HISTORY_DAYS))
                        || !day.day().isBefore(run.judgement.from())) {
                    continue;
                }
                int minutes = run.channel.readingType().intervalMinutes();
                int intervals = expected.computeIfAbsent(new ZonedDayKind(run.up.timeZone(), minutes, day.day()),
                        k -> IntervalSeries.expectedCount(k.zone(), k.intervalMinutes(), k.day()));
                days.add(new LikeDayTotals.DayTotal(day.day(), day.total(), day.readCount(), day.estimatedCount(),
                        day.outageCount(), intervals));
                if (run.interrupted(day.day(), interruptions)) {
                    interrupted.add(day.day());
                }
            }
            likeDays.put(run.channel.id(), LikeDayTotals.fromDailyTotals(days, interrupted));
        }
    }

    /**
     * Marks the stored reads of intervals that lie wholly inside a sustained interruption of their
     * usage point (outage detection's {@code power_interruption}) as power-off, so that the rules
     * treat their values — usually zeros — as outage, not consumption ({@link Slot#isOutage}).
     * Only in the judgement: the stored reads keep their quality.
     */
    private static void flagOutages(List<ChannelRun> runs, Map<Long, StoredSlots> stored,
            Map<Long, List<OutageRows.Interruption>> out) {
        if (out.isEmpty()) {
            return;
        }
        for (ChannelRun run : runs) {
            List<OutageRows.Interruption> interruptions = out.get(run.up.id());
            StoredSlots slots = stored.get(run.channel.id());
            if (interruptions == null || slots == null) {
                continue;
            }
            java.time.Duration length = java.time.Duration.ofMinutes(run.channel.readingType().intervalMinutes());
            slots.replaceAll(slot -> inside(interruptions, slot.end().minus(length), slot.end()) ? slot.asOutage() : slot);
        }
    }

    private static boolean inside(List<OutageRows.Interruption> interruptions, Instant start, Instant end) {
        for (OutageRows.Interruption interruption : interruptions) {
            if (!start.isBefore(interruption.offAt()) && (interruption.onAt() == null || !end.isAfter(interruption.onAt()))) {
                return true;
            }
        }
        return false;
    }

    /** A local day in a zone, cut into intervals of a length: how many it holds depends on nothing else. */
    private record ZonedDayKind(java.time.ZoneId zone, int intervalMinutes, LocalDate day) {
    }

    /** One usage point's local days [from, to) to judge. */
    public record Judgement(String usagePoint, LocalDate from, LocalDate to) {

        void check() {
            if (from == null || to == null || !to.isAfter(from) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
                throw new IllegalArgumentException("Give local days from < to, at most " + MAX_DAYS + " days apart");
            }
        }
    }

    /** What one usage point's run found and did, channel by channel. */
    private static final class Tally {
        final Map<String, Integer> findingsByRule = new TreeMap<>();
        int channels;
        int raised;
        int foundAgain;
        int resolved;
        int estimated;

        VeeRunResult result(Judgement j) {
            return new VeeRunResult(j.usagePoint(), j.from(), j.to(), channels, findingsByRule, raised, foundAgain,
                    resolved, estimated);
        }
    }

    /** One interval channel of a usage point under judgement over the judgement's days. */
    private final class ChannelRun {
        final Judgement judgement;
        final UsagePointFacts up;
        final ChannelFacts channel;
        final ChannelClock clock;

        ChannelRun(Judgement judgement, UsagePointFacts up, ChannelFacts channel) {
            this.judgement = judgement;
            this.up = up;
            this.channel = channel;
            this.clock = new ChannelClock(up.timeZone(), channel.readingType().intervalMinutes());
        }

        Instant loadFrom() {
            return clock.firstEndOf(judgement.from().minusDays(HISTORY_DAYS));
        }

        Instant judgedFrom() {
            return clock.firstEndOf(judgement.from());
        }

        Instant loadTo() {
            return clock.endsBefore(judgement.to().minusDays(1));
        }

        /**
         * The judged days as reads at hand are asked for them, when every one is among the channel's
         * queued days with its totals' last write known; else null.
         */
        List<ReadsAtHand.Written> queued(Map<LocalDate, PendingDay> queuedDays) {
            List<ReadsAtHand.Written> days = new ArrayList<>();
            for (LocalDate day = judgement.from(); day.isBefore(judgement.to()); day = day.plusDays(1)) {
                PendingDay pending = queuedDays.get(day);
                if (pending == null || pending.totalsWrittenAt() == null) {
                    return null;
                }
                days.add(pending.written());
            }
            return days;
        }

        /** Whether the channel's judged days miss a read (its stored reads of the batch given). */
        boolean hasGaps(StoredSlots reads) {
            Instant from = judgedFrom();
            Instant to = loadTo();
            int expected = 0;
            for (LocalDate day = judgement.from(); day.isBefore(judgement.to()); day = day.plusDays(1)) {
                expected += IntervalSeries.expectedCount(up.timeZone(), channel.readingType().intervalMinutes(), day);
            }
            return reads.countIn(from, to) < expected;
        }

        /** Whether an interval of the local day lies wholly inside one of the interruptions. */
        boolean interrupted(LocalDate day, List<OutageRows.Interruption> interruptions) {
            for (OutageRows.Interruption interruption : interruptions) {
                if (LikeDayTotals.intervalInside(day, up.timeZone(), channel.readingType().intervalMinutes(),
                        interruption.offAt(), interruption.onAt())) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Applies the rules to the channel's days, brings its exceptions of the range up to date and
         * returns the estimates for its gaps (the caller writes them).
         */
        List<Estimate> judge(List<ConfiguredRule> rules, StoredSlots stored, LikeDayTotals likeDays,
                List<VeeException> exceptionsOfBatch,
                Tally tally, Instant now, HolidayCalendar holidays) {
            tally.channels++;
            int minutes = channel.readingType().intervalMinutes();
            LocalDate from = judgement.from();
            Instant loadFrom = loadFrom();
            Instant loadTo = loadTo();
            // Without raw history loaded (its like-day totals come from the daily totals), nothing of it is stored.
            IntervalSeries history = likeDays != null
                    ? IntervalSeries.empty(up.timeZone(), minutes, from.minusDays(HISTORY_DAYS), from)
                    : IntervalSeries.of(up.timeZone(), minutes, from.minusDays(HISTORY_DAYS), from, stored);
            VeeContext context = new VeeContext(channel.id(), channel.readingType().unit(),
                    channel.readingType().flowDirection(),
                    IntervalSeries.of(up.timeZone(), minutes, from, judgement.to(), stored), history,
                    likeDays != null ? likeDays : LikeDayTotals.of(history),
                    up.installations().stream()
                            .map(i -> new VeeContext.Installed(i.from(), i.to())).toList(),
                    registerReads(up, channel, loadFrom, loadTo), up.serviceCapacityKw(), holidays);

            List<Finding> findings = new ArrayList<>();
            Set<String> checked = new HashSet<>();
            for (ConfiguredRule rule : rules) {
                checked.add(rule.rule().id());
                List<Finding> found = rule.check(context);
                findings.addAll(found);
                if (!found.isEmpty()) {
                    tally.findingsByRule.merge(rule.rule().id(), found.size(), Integer::sum);
                }
            }
            Instant judgedFrom = judgedFrom();
            Map<ExceptionChanges.Key, VeeException> existing = new HashMap<>();
            for (VeeException e : exceptionsOfBatch) {
                if (!e.firstEnd().isBefore(judgedFrom) && e.firstEnd().isBefore(loadTo)) {
                    existing.put(new ExceptionChanges.Key(e.ruleId(), e.firstEnd()), e);
                }
            }
            ExceptionChanges<VeeException> changes = new ExceptionChanges<>(findings, existing,
                    e -> e.status() != ExceptionStatus.RESOLVED, checked);
            List<VeeException> raised = new ArrayList<>();
            for (Finding f : changes.raised()) {
                VeeException e = new VeeException(channel.id(), up.id(), f.ruleId(), f.severity().name(), f.firstEnd(),
                        f.lastEnd(), clock.localDayOf(f.firstEnd()), f.message(), f.value(), f.limit(), now);
                exceptions.add(e);
                raised.add(e);
            }
            changes.foundAgain().forEach((e, f) -> {
                e.found(f.severity().name(), f.lastEnd(), f.message(), f.value(), f.limit(), now);
                if (e.status() == ExceptionStatus.RESOLVED && Caller.SYSTEM.equals(e.updatedBy())) {
                    e.reopen("found again by VEE", now);
                }
            });
            changes.noLongerFound().forEach(e -> e.resolve("no longer found when VEE ran again", Caller.SYSTEM, now));

            List<Estimate> estimates = gapFiller.fill(context);
            if (!estimates.isEmpty()) {
                resolveEstimatedGaps(raised, changes, estimates, now);
            }
            tally.raised += changes.raised().size();
            tally.foundAgain += changes.foundAgain().size();
            tally.resolved += changes.noLongerFound().size();
            tally.estimated += estimates.size();
            return estimates;
        }
    }

    /** A missing-intervals exception whose every interval was estimated is answered: resolved, saying how. */
    private static void resolveEstimatedGaps(List<VeeException> raised, ExceptionChanges<VeeException> changes,
            List<Estimate> estimates, Instant now) {
        Map<Instant, String> methodByEnd = new HashMap<>();
        estimates.forEach(e -> methodByEnd.put(e.end(), e.method()));
        List<VeeException> gaps = new ArrayList<>(raised);
        gaps.addAll(changes.foundAgain().keySet());
        for (VeeException gap : gaps) {
            if (MISSING_INTERVALS.equals(gap.ruleId()) && gap.status() != ExceptionStatus.RESOLVED
                    && methodByEnd.containsKey(gap.firstEnd()) && methodByEnd.containsKey(gap.lastEnd())) {
                gap.resolve("estimated by " + methodByEnd.get(gap.firstEnd()), Caller.SYSTEM, now);
            }
        }
    }

    private List<VeeContext.RegisterReading> registerReads(UsagePointFacts up, ChannelFacts channel, Instant from,
            Instant to) {
        return up.channels().stream()
                .filter(c -> c.readingType().isRegister() && c.readingType().unit() == channel.readingType().unit()
                        && c.readingType().flowDirection() == channel.readingType().flowDirection())
                .findFirst()
                .map(c -> registers.reads(c.id(), from, to).stream()
                        .map(r -> new VeeContext.RegisterReading(r.readAt(), r.value())).toList())
                .orElse(List.of());
    }
}
