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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmdms.admin.entity.Role;
import org.openmdms.reading.store.PendingDay;
import org.openmdms.reading.store.PendingDayStore;
import org.openmdms.vee.control.RuleSetSource;

/**
 * One lane of a VEE worker pass: judges its usage points' due days one range after another, each
 * range in its own transaction, on a thread of its own so that two lanes keep both the server and
 * the database busy. A range that fails stays queued for the next pass.
 */
@Stateless
@PermitAll
@RunAs(Role.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class VeeLane {

    private static final Logger LOG = Logger.getLogger(VeeLane.class.getName());

    @Inject
    VeeRunner runner;

    @Inject
    PendingDayStore pending;

    /** Judges the lane's usage points; the future holds the number of runs. */
    @Asynchronous
    public Future<Integer> judge(Map<String, List<PendingDay>> dueByUsagePoint, RuleSetSource rules, Instant started) {
        int runs = 0;
        for (Map.Entry<String, List<PendingDay>> usagePoint : dueByUsagePoint.entrySet()) {
            List<PendingDay> days = usagePoint.getValue();
            for (LocalDate[] range : VeeWorker.ranges(days)) {
                List<PendingDay> inRange = days.stream()
                        .filter(d -> !d.day().isBefore(range[0]) && d.day().isBefore(range[1])).toList();
                if (inRange.isEmpty()) {
                    continue;
                }
                try {
                    runner.run(usagePoint.getKey(), range[0], range[1], rules);
                    pending.remove(inRange, started);
                    runs++;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "VEE of " + usagePoint.getKey() + " from " + range[0] + " to " + range[1]
                            + " failed; its days stay queued", e);
                }
            }
        }
        return new AsyncResult<>(runs);
    }
}
