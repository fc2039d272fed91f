package org.openmdms.schedule.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A scheduled job as administrators see it: its cron expression read out, whether it is enabled,
 * its next fire times, and its latest run (null before the first).
 */
public record ScheduleView(String name, String description, String cron, String cronDescription, String timeZone,
        boolean enabled, String state, List<Instant> nextFireTimes, Instant previousFireTime, JobRunView lastRun) implements Serializable {
}
