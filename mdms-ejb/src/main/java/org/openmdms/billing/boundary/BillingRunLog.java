package org.openmdms.billing.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import org.openmdms.billing.entity.BillingRun;
import org.openmdms.billing.store.TariffStore;

/** The record of a billing run, each change committed at once so that the run page shows progress. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class BillingRunLog {

    @Inject
    TariffStore store;

    public long begin(long cycleId, LocalDate start, LocalDate end, int usagePoints, String by) {
        BillingRun run = new BillingRun(cycleId, start, end, usagePoints, by, Instant.now());
        store.add(run);
        return run.id();
    }

    /** Adds a batch's counts in one UPDATE, so that lanes reporting at the same time lose none. */
    public void progress(long runId, int done, int calculated, int unchanged, int failed, String failure) {
        store.addProgress(runId, done, calculated, unchanged, failed, failure);
    }

    public void finish(long runId, BillingRun.Status status, String failure) {
        store.finishRun(runId, status, failure, Instant.now());
    }
}
