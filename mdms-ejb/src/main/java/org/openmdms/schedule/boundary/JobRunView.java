package org.openmdms.schedule.boundary;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.openmdms.schedule.entity.JobRun;

/** One run of a scheduled job in the history. */
public record JobRunView(long id, String job, Instant fireTime, int attempt, String triggeredBy, String node,
        Instant startedAt, Instant endedAt, String status, Long records, Integer files, String error) implements Serializable {

    static JobRunView of(JobRun run) {
        return new JobRunView(run.id(), run.jobName(), run.fireTime(), run.attempt(), run.triggeredBy(), run.node(),
                run.startedAt(), run.endedAt(), run.status().name(), run.records(), run.files(), run.errorText());
    }

    /** Seconds from start to end, null while running. */
    public Long seconds() {
        return endedAt == null ? null : Duration.between(startedAt, endedAt).toSeconds();
    }

    /** The first line of the error, for tables. */
    public String errorSummary() {
        return error == null ? null : error.lines().findFirst().orElse("");
    }
}
