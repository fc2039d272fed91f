package org.openmdms.vee.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmdms.admin.entity.Role;
import org.openmdms.reading.store.PendingDay;
import org.openmdms.vee.control.HolidayCalendar;
import org.openmdms.vee.control.RuleSetSource;

/**
 * One lane of a VEE worker pass: judges its batches of due ranges one after another, each batch in
 * its own transaction with the unqueuing of its days, on a thread of its own so that the lanes keep
 * both the server and the database busy ({@link VeeWorker#LANES}). A range that fails stays queued
 * for the next pass.
 */
@Stateless
@PermitAll
@RunAs(Role.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class VeeLane {

    private static final Logger LOG = Logger.getLogger(VeeLane.class.getName());

    @Inject
    VeeRunner runner;

    /**
     * Judges the lane's batches one after another, each in its own transaction; a batch that fails is
     * tried again usage point by usage point, so that one bad usage point keeps only its own days
     * queued. The future holds the number of ranges judged.
     */
    @Asynchronous
    public Future<Integer> judge(List<List<VeeWorker.DueRange>> batches, RuleSetSource rules, HolidayCalendar holidays,
            Instant started) {
        int ranges = 0;
        for (List<VeeWorker.DueRange> batch : batches) {
            if (judge(batch, rules, holidays, started, batch.size() == 1)) {
                ranges += batch.size();
            } else {
                for (VeeWorker.DueRange range : batch) {
                    ranges += judge(List.of(range), rules, holidays, started, true) ? 1 : 0;
                }
            }
        }
        return new AsyncResult<>(ranges);
    }

    private boolean judge(List<VeeWorker.DueRange> batch, RuleSetSource rules, HolidayCalendar holidays, Instant started,
            boolean last) {
        try {
            List<PendingDay> days = batch.stream().flatMap(range -> range.days().stream()).toList();
            long t0 = System.nanoTime();
            runner.judgeQueued(batch.stream().map(VeeWorker.DueRange::judgement).toList(), rules, holidays, days, started);
            long t1 = System.nanoTime();
            LOG.fine(() -> "VEE lane: a batch of " + batch.size() + " ranges judged, its " + days.size()
                    + " days unqueued and committed in " + (t1 - t0) / 1_000_000 + " ms");
            return true;
        } catch (RuntimeException e) {
            if (last) {
                VeeRunner.Judgement j = batch.get(0).judgement();
                LOG.log(Level.WARNING, "VEE of " + j.usagePoint() + " from " + j.from() + " to " + j.to()
                        + " failed; its days stay queued", e);
            } else {
                LOG.log(Level.INFO, "A VEE batch of " + batch.size() + " usage points failed; judging them one by one", e);
            }
            return false;
        }
    }
}
