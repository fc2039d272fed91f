package org.openmdms.reading.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.openmdms.admin.boundary.AuditTrail;
import org.openmdms.admin.entity.Role;
import org.openmdms.reading.control.RetentionPolicy;
import org.openmdms.reading.store.IntervalStore;
import org.openmdms.reading.store.RetentionResult;

/**
 * Interval storage for administrators: what is stored per month, and retention — removing whole
 * months of interval detail past the configured period (daily totals stay). Retention runs nightly
 * ({@link PartitionCalendar}) or when an administrator asks; each run that removes something is
 * logged and audited.
 */
@Stateless
@RolesAllowed(Role.ADMIN)
public class IntervalStorage {

    private static final Logger LOG = Logger.getLogger(IntervalStorage.class.getName());

    @Inject
    IntervalStore store;

    @Inject
    AuditTrail audit;

    public IntervalStorageView overview() {
        RetentionPolicy policy = RetentionPolicy.configured();
        return new IntervalStorageView(policy.months(), policy.mode(), policy.keepsForever(),
                policy.cutoff(today()).orElse(null), store.storage());
    }

    /**
     * Applies the configured policy now. Not in a container transaction: the store removes
     * partitions in a transaction of its own (partition DDL; on Oracle DDL commits by itself), and
     * the audit entry then records what it removed.
     *
     * @throws IllegalArgumentException when the policy keeps everything
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RetentionResult applyRetention() {
        RetentionPolicy policy = RetentionPolicy.configured();
        Instant cutoff = policy.cutoff(today()).orElseThrow(() -> new IllegalArgumentException(
                "Retention is off (mdms.retention.months is 0 or unset): all interval detail is kept"));
        RetentionResult result = store.applyRetention(cutoff, policy.mode());
        LOG.info(() -> "Interval retention (" + policy.months() + " months, " + policy.mode() + "): "
                + result.describe());
        if (!result.removedNothing()) {
            Map<String, Object> removed = new LinkedHashMap<>();
            removed.put("cutoff", result.cutoff().toString());
            removed.put("mode", result.mode().name());
            removed.put("partitions", result.partitions());
            removed.put("archiveTables", result.archiveTables());
            removed.put("deletedRows", result.deletedRows());
            audit.record("RETENTION", "INTERVAL_STORAGE", "interval_read", null, removed);
        }
        return result;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
