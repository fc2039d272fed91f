package org.openmdms.outage.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmdms.schedule.control.OnePass;

/**
 * Runs outage detection ({@link OutageDetection}) as soon as ingest has committed power events,
 * and every 5 seconds for last gasps that have waited the momentary time; then has the notices
 * published. One pass at a time per node; across nodes the detection lock takes turns.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class OutageWorker {

    private static final Logger LOG = Logger.getLogger(OutageWorker.class.getName());

    /** At most one step per this time, unless the last one was full (a backlog). */
    static final Duration STEP_INTERVAL = Duration.ofSeconds(1);

    private final OnePass passes = new OnePass(this::detectAll);
    /** The picture of the grid kept between steps; used by one pass at a time (OnePass). */
    private final GridMemory memory = new GridMemory();
    private long lastStep = System.nanoTime() - STEP_INTERVAL.toNanos();
    private boolean lastStepFull;

    @Inject
    OutageDetection detection;

    @Inject
    OutagePublisher publisher;

    @Resource
    SessionContext context;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void tick() {
        // On a thread of its own: a long pass (a storm) must not hold the timer into its next expiry.
        context.getBusinessObject(OutageWorker.class).wake();
    }

    /** Ingest committed power events: detect now rather than at the next tick. */
    public void onPowerEvents(@Observes(during = TransactionPhase.AFTER_SUCCESS) PowerEventsStored stored) {
        context.getBusinessObject(OutageWorker.class).wake();
    }

    @Asynchronous
    public void wake() {
        pass();
    }

    private void pass() {
        passes.run();
    }

    private void detectAll() {
        boolean changed = false;
        try {
            OutageDetection.Step step;
            do {
                long started = pace();
                step = detection.detect(memory);
                if (step.events() > 0 || step.outagesChanged() > 0) {
                    lastStep = started;
                    lastStepFull = step.more();
                }
                changed |= step.outagesChanged() > 0;
            } while (step.more());
        } catch (RuntimeException e) {
            memory.forget();
            LOG.log(Level.WARNING, "Outage detection failed; its events stay queued for the next pass", e);
        }
        if (changed) {
            publisher.wake();
        }
    }

    /**
     * Starts steps at most {@link #STEP_INTERVAL} apart: while a storm is arriving, ingest commits
     * many times a second, and a step per commit would write every outage it touches and publish
     * a notice for each, again and again. Waiting lets the events of that time go in one step (a
     * full step, {@link OutageDetection#BATCH} events, does not wait; a step with no work does not count).
     */
    private long pace() {
        long wait = lastStep + STEP_INTERVAL.toNanos() - System.nanoTime();
        if (wait > 0 && !lastStepFull) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return System.nanoTime();
    }
}
