package org.openmdms.operations.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openmdms.admin.entity.Role;
import org.openmdms.operations.store.OperationsStore;
import org.openmdms.reading.boundary.DeadLetters;
import org.openmdms.schedule.boundary.JobScheduler;

/**
 * Whether this node can do its work (docs/operations.md, "Health and metrics"): readiness checks the
 * database (a query within 5 s), the message broker (browsing the dead-letter queue) and the job
 * scheduler (started, not in standby); and the figures operators watch.
 */
@Stateless
@PermitAll
@RunAs(Role.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Health {

    @Inject
    OperationsStore store;

    @Inject
    DeadLetters deadLetters;

    @Inject
    JobScheduler scheduler;

    /** One check: up or not, and what it saw. */
    public record Check(boolean up, String detail) {
    }

    /** Up when every check is. */
    public record Readiness(boolean up, Map<String, Check> checks) {
    }

    public Readiness ready() {
        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put("database", check(() -> "answered in " + store.ping() + " ms"));
        checks.put("messaging", check(() -> deadLetters.count() + " messages on the dead-letter queue"));
        checks.put("scheduler", check(() -> {
            var quartz = scheduler.scheduler();
            if (quartz == null || !quartz.isStarted() || quartz.isShutdown() || quartz.isInStandbyMode()) {
                throw new IllegalStateException("the job scheduler is not running");
            }
            return "node " + scheduler.instanceId();
        }));
        return new Readiness(checks.values().stream().allMatch(Check::up), checks);
    }

    /** The figures by metric name, with the dead-letter count. */
    public Map<String, Number> figures() {
        Map<String, Number> figures = store.figures(Instant.now());
        try {
            figures.put("mdms_dead_letters", deadLetters.count());
        } catch (RuntimeException e) {
            figures.put("mdms_dead_letters", -1);
        }
        return figures;
    }

    private interface Probe {
        String run() throws Exception;
    }

    private static Check check(Probe probe) {
        try {
            return new Check(true, probe.run());
        } catch (Exception e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return new Check(false, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
    }
}
