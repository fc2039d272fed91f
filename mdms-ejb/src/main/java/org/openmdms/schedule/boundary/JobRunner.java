package org.openmdms.schedule.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmdms.admin.entity.Role;
import org.openmdms.schedule.control.JobOutcome;

/**
 * Runs one scheduled job for the scheduler's worker threads: as admin (the jobs call boundaries
 * that check roles), outside a transaction (the boundaries start their own), and with a history row
 * written before and after.
 */
@Stateless
@PermitAll
@RunAs(Role.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

    @EJB
    JobRunLog log;

    @Inject
    @Any
    Instance<ScheduledJob> jobs;

    /** Runs the job; a failure is recorded and returned, never thrown. */
    public Result run(String name, Instant fireTime, int attempt, String triggeredBy, String node, boolean recovering) {
        if (recovering) {
            int closed = log.abandoned(name, fireTime, "Interrupted: the node running it stopped; run again by " + node);
            LOG.info(() -> "Recovering " + name + " of " + fireTime + " on " + node + " (" + closed + " run(s) left RUNNING closed)");
        }
        long runId = log.begin(name, fireTime, attempt, triggeredBy, node);
        try {
            ScheduledJob job = jobs.stream().filter(j -> j.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No scheduled job " + name + " in this version"));
            JobOutcome outcome = job.run();
            log.succeeded(runId, outcome == null ? JobOutcome.NOTHING_COUNTED : outcome);
            return new Result(runId, null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled job " + name + " (run " + runId + ", attempt " + attempt + ") failed", e);
            log.failed(runId, describe(e));
            return new Result(runId, String.valueOf(rootCause(e).getMessage()));
        }
    }

    /** A run's id and, when it failed, why. */
    public record Result(long runId, String error) implements java.io.Serializable {
        public boolean failed() {
            return error != null;
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The root cause first (what an administrator needs), then the stack trace. */
    private static String describe(Throwable e) {
        Throwable root = rootCause(e);
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return root.getClass().getSimpleName() + ": " + root.getMessage() + "\n" + trace;
    }
}
