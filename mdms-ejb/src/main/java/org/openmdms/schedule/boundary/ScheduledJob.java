package org.openmdms.schedule.boundary;

import org.openmdms.schedule.control.JobOutcome;

/**
 * A job the scheduler runs: a CDI bean (found by the scheduler at start-up) that calls the
 * boundaries doing the work. It runs as admin (JobRunner's run-as role), outside any transaction;
 * the boundaries it calls start their own. Throwing marks the run FAILED and schedules a retry.
 */
public interface ScheduledJob {

    /** The job's key, in lower-case words with dashes (also its name in the API). */
    String name();

    /** One sentence for administrators: what the job does. */
    String description();

    /** Cron expression a new installation starts with; administrators may change it later. */
    String defaultCron();

    /** Whether a new installation starts with the job enabled; administrators enable or disable it later. */
    default boolean enabledByDefault() {
        return true;
    }

    JobOutcome run();
}
