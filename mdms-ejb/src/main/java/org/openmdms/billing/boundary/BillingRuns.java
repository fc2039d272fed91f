package org.openmdms.billing.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmdms.admin.boundary.Caller;
import org.openmdms.admin.entity.Role;
import org.openmdms.billing.entity.BillingCycle;
import org.openmdms.billing.entity.BillingRun;
import org.openmdms.billing.store.DeterminantStore;
import org.openmdms.billing.store.TariffStore;
import org.openmdms.meter.boundary.RegistryNotFound;
import org.openmdms.meter.store.UsagePointStore;

/**
 * Bulk determinants for a billing cycle: a run takes the cycle's usage points in batches of
 * {@value #BATCH}, each batch in its own transaction with one load of reads, in {@value #LANES}
 * lanes side by side ({@link BillingLane}), and records its progress as it goes. Started by an analyst (UI, REST) or nightly for every cycle period that ended
 * and has usage points without determinants or with stale ones (reads changed since), by the
 * scheduled job billing-nightly.
 */
@Stateless
@RolesAllowed({Role.ADMIN, Role.ANALYST})
@RunAs(Role.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BillingRuns {

    static final int BATCH = 100;
    /** Batches calculated side by side: two keep a 2-core server and its database busy. */
    static final int LANES = 2;
    /** The nightly run looks back this many ended periods per cycle. */
    static final int NIGHTLY_PERIODS = 3;
    private static final Logger LOG = Logger.getLogger(BillingRuns.class.getName());

    @Inject
    TariffStore store;

    @Inject
    BillingRunLog log;

    @Inject
    BillingLane lanes;

    @Inject
    DeterminantStore stored;

    @Inject
    UsagePointStore usagePoints;

    @Resource
    SessionContext context;

    /** Starts a run of the cycle for the billing period that begins on this read date; returns the run's id. */
    public long start(String cycleCode, LocalDate periodStart) {
        BillingCycle cycle = store.cycle(cycleCode).orElseThrow(() -> new RegistryNotFound("No billing cycle " + cycleCode));
        LocalDate end = cycle.periodEndAfter(periodStart).filter(e -> cycle.readDates().contains(periodStart))
                .orElseThrow(() -> new IllegalArgumentException("No billing period of " + cycleCode + " starts on "
                        + periodStart + "; its read dates are " + cycle.readDates()));
        List<String> codes = store.usagePointsOf(cycle.id());
        long runId = log.begin(cycle.id(), periodStart, end, codes.size(), Caller.name(context));
        context.getBusinessObject(BillingRuns.class).execute(runId, codes, periodStart, end, "RUN");
        return runId;
    }

    /** Runs the batches in {@value #LANES} lanes side by side; a failed batch is counted and the run goes on. */
    @Asynchronous
    public void execute(long runId, List<String> codes, LocalDate start, LocalDate end, String reason) {
        try {
            List<List<List<String>>> lanes = new ArrayList<>();
            for (int i = 0; i < LANES; i++) {
                lanes.add(new ArrayList<>());
            }
            int next = 0;
            for (int from = 0; from < codes.size(); from += BATCH) {
                lanes.get(next++ % LANES).add(List.copyOf(codes.subList(from, Math.min(codes.size(), from + BATCH))));
            }
            List<java.util.concurrent.Future<Integer>> running = new ArrayList<>();
            long started = System.nanoTime();
            for (List<List<String>> lane : lanes) {
                if (!lane.isEmpty()) {
                    running.add(this.lanes.run(runId, lane, start, end, reason));
                }
            }
            int inDatabase = 0;
            for (java.util.concurrent.Future<Integer> lane : running) {
                inDatabase += lane.get();
            }
            int summed = inDatabase;
            LOG.info(() -> "Billing run " + runId + ": " + codes.size() + " usage points, " + summed
                    + " summed in the database, " + (codes.size() - summed) + " calculated in Java, "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            log.finish(runId, BillingRun.Status.COMPLETED, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.finish(runId, BillingRun.Status.FAILED, "interrupted");
        } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
            log.finish(runId, BillingRun.Status.FAILED, String.valueOf(e.getMessage()));
        }
    }

    /** The latest runs, newest first. */
    @RolesAllowed({Role.ADMIN, Role.ANALYST, Role.AUDITOR})
    public List<BillingRun> latest(int limit) {
        return store.runs(limit);
    }

    @RolesAllowed({Role.ADMIN, Role.ANALYST, Role.AUDITOR})
    public BillingRun run(long id) {
        return store.run(id).orElseThrow(() -> new RegistryNotFound("No billing run " + id));
    }

    /**
     * Nightly (the scheduled job {@link NightlyBillingJob}): for every cycle, the last
     * {@value #NIGHTLY_PERIODS} periods that have ended, the usage points without determinants or with
     * stale ones are calculated, one run after the other. Returns how many usage points were due.
     */
    @RolesAllowed(Role.ADMIN)
    public int nightly() {
        int total = 0;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (BillingCycle cycle : store.cycles()) {
            List<LocalDate> dates = cycle.readDates();
            List<String> codes = store.usagePointsOf(cycle.id());
            if (codes.isEmpty()) {
                continue;
            }
            int periods = 0;
            for (int i = dates.size() - 1; i > 0 && periods < NIGHTLY_PERIODS; i--) {
                LocalDate end = dates.get(i);
                if (end.isAfter(today)) {
                    continue;
                }
                periods++;
                LocalDate start = dates.get(i - 1);
                List<String> due = due(codes, start, end);
                if (!due.isEmpty()) {
                    total += due.size();
                    long runId = log.begin(cycle.id(), start, end, due.size(), Caller.SYSTEM);
                    LOG.info(() -> "Billing run " + runId + " of " + cycle.code() + " " + start + " to " + end + ": "
                            + due.size() + " usage points without determinants or stale");
                    execute(runId, due, start, end, "NIGHTLY");
                }
            }
        }
        return total;
    }

    /** The codes without current determinants for the period, or with stale ones. */
    private List<String> due(List<String> codes, LocalDate start, LocalDate end) {
        var ups = usagePoints.findByCodes(codes);
        List<Long> ids = new ArrayList<>();
        ups.values().forEach(up -> ids.add(up.id()));
        Set<Long> calculated = stored.calculated(ids, start);
        Set<Long> stale = new HashSet<>(stored.stale(ids, start, end));
        List<String> due = new ArrayList<>();
        for (String code : codes) {
            long id = ups.get(code).id();
            if (!calculated.contains(id) || stale.contains(id)) {
                due.add(code);
            }
        }
        return due;
    }
}
