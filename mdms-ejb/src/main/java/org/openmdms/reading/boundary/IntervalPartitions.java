package org.openmdms.reading.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import org.openmdms.reading.store.IntervalStore;

/**
 * Makes the interval partitions for a range ready in a short transaction of its own, before a writer's
 * transaction touches the interval tables. Creating a partition locks the partitioned table
 * exclusively; a writer that already read or wrote it and then waited for the partition lock could
 * deadlock with another writer creating one (seen on PostgreSQL with an import and the VEE worker).
 * Call it before the first read or write of the interval tables in a transaction.
 */
@Stateless
@PermitAll
public class IntervalPartitions {

    @Inject
    IntervalStore store;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void prepare(Instant firstEnd, Instant lastEnd) {
        store.prepare(firstEnd, lastEnd);
    }
}
