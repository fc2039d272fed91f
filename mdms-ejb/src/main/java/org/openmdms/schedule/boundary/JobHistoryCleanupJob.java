package org.openmdms.schedule.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.openmdms.config.Settings;
import org.openmdms.schedule.control.JobOutcome;

/**
 * Keeps the run history to the days of {@code mdms.scheduler.history.days} (90 by default; 0 keeps
 * it forever): every night the runs that started earlier and have ended are deleted. A run still
 * marked RUNNING stays until it ends or its recovery closes it.
 */
@ApplicationScoped
public class JobHistoryCleanupJob implements ScheduledJob {

    @EJB
    JobRunLog log;

    Clock clock = Clock.systemUTC();

    @Override
    public String name() {
        return "job-history-cleanup";
    }

    @Override
    public String description() {
        int days = Settings.schedulerHistoryDays();
        return (days == 0 ? "Would delete old run history, but mdms.scheduler.history.days is 0: runs are kept forever."
                : "Deletes the run history of every job older than " + days + " days (mdms.scheduler.history.days).")
                + " Records: runs deleted.";
    }

    @Override
    public String defaultCron() {
        return "0 45 2 * * ?";
    }

    @Override
    public JobOutcome run() {
        return JobOutcome.records(deleteOlderThan(Settings.schedulerHistoryDays()));
    }

    /** Deletes the ended runs that started more than {@code days} days ago (none when 0). */
    int deleteOlderThan(int days) {
        if (days <= 0) {
            return 0;
        }
        Instant cutOff = clock.instant().minus(Duration.ofDays(days));
        return log.deleteEndedBefore(cutOff);
    }
}
