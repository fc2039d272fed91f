package org.openmdms.billing.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmdms.admin.entity.Role;

/**
 * One lane of a billing run (returns how many usage points the database summed, {@link DatabaseDeterminants}): its batches one after another, each in its own transaction, on a thread
 * of its own, so that two lanes keep the server and the database busy at once (one calculates while
 * the other waits for its reads). A failed batch is counted and the lane goes on.
 */
@Stateless
@PermitAll
@RunAs(Role.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BillingLane {

    private static final Logger LOG = Logger.getLogger(BillingLane.class.getName());

    @Inject
    BillingDeterminants determinants;

    @Inject
    BillingRunLog log;

    @Asynchronous
    public Future<Integer> run(long runId, List<List<String>> batches, LocalDate start, LocalDate end, String reason) {
        int inDatabase = 0;
        for (List<String> batch : batches) {
            try {
                BillingDeterminants.Outcome outcome = determinants.calculate(batch, start, end, runId, reason, true);
                inDatabase += outcome.inDatabase();
                int calculated = (int) outcome.stored().stream().map(r -> r.usagePointId()).distinct().count();
                log.progress(runId, batch.size(), calculated, outcome.unchanged(), outcome.failures().size(),
                        outcome.failures().isEmpty() ? null : outcome.failures().entrySet().iterator().next().toString());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Billing run " + runId + ": a batch of " + batch.size() + " failed", e);
                log.progress(runId, batch.size(), 0, 0, batch.size(), String.valueOf(e.getMessage()));
            }
        }
        return new AsyncResult<>(inDatabase);
    }
}
