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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openmdms.admin.boundary.Caller;
import org.openmdms.admin.entity.Role;
import org.openmdms.meter.boundary.RegistryNotFound;
import org.openmdms.meter.entity.Channel;
import org.openmdms.meter.entity.UsagePoint;
import org.openmdms.meter.store.UsagePointStore;
import org.openmdms.reading.entity.ReadSource;
import org.openmdms.reading.store.ChannelClock;
import org.openmdms.reading.store.IntervalRow;
import org.openmdms.reading.store.IntervalStore;
import org.openmdms.reading.store.RegisterReadStore;
import org.openmdms.reading.store.StoredInterval;
import org.openmdms.vee.control.ConfiguredRule;
import org.openmdms.vee.control.Estimate;
import org.openmdms.vee.control.ExceptionChanges;
import org.openmdms.vee.control.Finding;
import org.openmdms.vee.control.GapFiller;
import org.openmdms.vee.control.HolidayCalendar;
import org.openmdms.vee.control.IntervalSeries;
import org.openmdms.vee.control.RuleSetSource;
import org.openmdms.vee.control.Slot;
import org.openmdms.vee.control.VeeContext;
import org.openmdms.vee.entity.ExceptionStatus;
import org.openmdms.vee.entity.VeeException;
import org.openmdms.vee.store.VeeExceptionStore;

/**
 * Runs VEE for a usage point's interval channels over local days [from, to): loads each channel's
 * reads of those days and of the {@value #HISTORY_DAYS} days before in one query, applies the rule
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
    VeeExceptionStore exceptions;

    @Inject
    RuleSetSource ruleSets;

    @Inject
    GapFiller gapFiller;

    @Inject
    org.openmdms.reading.boundary.IntervalPartitions partitions;

    @Inject
    HolidayCalendar holidays;

    @Resource
    SessionContext context;

    public VeeRunResult run(String usagePointCode, LocalDate from, LocalDate to) {
        return run(usagePointCode, from, to, ruleSets);
    }

    /** As {@link #run(String, LocalDate, LocalDate)}, with the rule sets given (a worker pass looks them up once). */
    public VeeRunResult run(String usagePointCode, LocalDate from, LocalDate to, RuleSetSource rules) {
        if (from == null || to == null || !to.isAfter(from) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new IllegalArgumentException("Give local days from < to, at most " + MAX_DAYS + " days apart");
        }
        UsagePoint up = usagePoints.lockByCode(usagePointCode)
                .orElseThrow(() -> new RegistryNotFound("No usage point " + usagePointCode));
        // Partitions for the estimates, before this transaction reads the interval tables.
        partitions.prepare(from.atStartOfDay(up.timeZone()).toInstant(),
                to.plusDays(1).atStartOfDay(up.timeZone()).toInstant());
        List<ConfiguredRule> configured = rules.rulesFor(up.commodity(), up.customerClass());
        Map<String, Integer> findingsByRule = new TreeMap<>();
        int[] counts = new int[4];
        int channels = 0;
        for (Channel channel : up.channels()) {
            if (channel.readingType().isRegister()) {
                continue;
            }
            channels++;
            runChannel(up, channel, from, to, configured, findingsByRule, counts);
        }
        return new VeeRunResult(up.code(), from, to, channels, findingsByRule, counts[0], counts[1], counts[2],
                counts[3]);
    }

    private void runChannel(UsagePoint up, Channel channel, LocalDate from, LocalDate to, List<ConfiguredRule> rules,
            Map<String, Integer> findingsByRule, int[] counts) {
        int minutes = channel.readingType().intervalMinutes();
        ChannelClock clock = new ChannelClock(up.timeZone(), minutes);
        LocalDate historyFrom = from.minusDays(HISTORY_DAYS);
        Instant loadFrom = clock.firstEndOf(historyFrom);
        Instant judgedFrom = clock.firstEndOf(from);
        Instant loadTo = clock.endsBefore(to.minusDays(1));
        Map<Instant, Slot> stored = new HashMap<>();
        for (StoredInterval read : intervals.reads(channel.id(), loadFrom, loadTo)) {
            stored.put(read.intervalEnd(), new Slot(read.intervalEnd(), read.value(), read.quality(), read.source()));
        }
        VeeContext context = new VeeContext(channel.id(), channel.readingType().unit(),
                channel.readingType().flowDirection(),
                IntervalSeries.of(up.timeZone(), minutes, from, to, stored),
                IntervalSeries.of(up.timeZone(), minutes, historyFrom, from, stored),
                up.installations().stream().map(i -> new VeeContext.Installed(i.installedFrom(), i.installedTo())).toList(),
                registerReads(up, channel, loadFrom, loadTo), null, holidays);

        List<Finding> findings = new ArrayList<>();
        Set<String> checked = new HashSet<>();
        for (ConfiguredRule rule : rules) {
            checked.add(rule.rule().id());
            List<Finding> found = rule.check(context);
            findings.addAll(found);
            if (!found.isEmpty()) {
                findingsByRule.merge(rule.rule().id(), found.size(), Integer::sum);
            }
        }
        Map<ExceptionChanges.Key, VeeException> existing = new HashMap<>();
        for (VeeException e : exceptions.ofChannel(channel.id(), judgedFrom, loadTo)) {
            existing.put(new ExceptionChanges.Key(e.ruleId(), e.firstEnd()), e);
        }
        ExceptionChanges<VeeException> changes = new ExceptionChanges<>(findings, existing,
                e -> e.status() != ExceptionStatus.RESOLVED, checked);
        Instant now = Instant.now();
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
            List<IntervalRow> rows = estimates.stream().map(est -> new IntervalRow(channel.id(), est.end(), est.value(),
                    est.quality(), ReadSource.ESTIMATED)).toList();
            intervals.write(rows, Map.of(channel.id(), clock), null);
            resolveEstimatedGaps(raised, changes, estimates, now);
        }
        counts[0] += changes.raised().size();
        counts[1] += changes.foundAgain().size();
        counts[2] += changes.noLongerFound().size();
        counts[3] += estimates.size();
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

    private List<VeeContext.RegisterReading> registerReads(UsagePoint up, Channel channel, Instant from, Instant to) {
        return up.channels().stream()
                .filter(c -> c.readingType().isRegister() && c.readingType().unit() == channel.readingType().unit()
                        && c.readingType().flowDirection() == channel.readingType().flowDirection())
                .findFirst()
                .map(c -> registers.reads(c.id(), from, to).stream()
                        .map(r -> new VeeContext.RegisterReading(r.readAt(), r.value())).toList())
                .orElse(List.of());
    }
}
