package org.openmdms.schedule.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import org.openmdms.schedule.control.JobOutcome;
import org.openmdms.schedule.entity.JobRun;
import org.openmdms.schedule.store.JobRunStore;

/** Writes the run history, each step in a transaction of its own so that it stays whatever the job does. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JobRunLog {

    @Inject
    JobRunStore store;

    public long begin(String job, Instant fireTime, int attempt, String triggeredBy, String node) {
        return store.add(new JobRun(job, fireTime, attempt, triggeredBy, node, Instant.now())).id();
    }

    public void succeeded(long runId, JobOutcome outcome) {
        store.find(runId).orElseThrow().succeeded(Instant.now(), outcome.records(), outcome.files());
    }

    public void failed(long runId, String error) {
        store.find(runId).orElseThrow().failed(Instant.now(), error);
    }

    /** Deletes the ended runs that started before the instant; returns how many. */
    public int deleteEndedBefore(Instant before) {
        return store.deleteEndedBefore(before);
    }

    /** Closes the runs of a firing left RUNNING by a node that died; returns how many. */
    public int abandoned(String job, Instant fireTime, String why) {
        var running = store.running(job, fireTime);
        running.forEach(run -> run.failed(Instant.now(), why));
        return running.size();
    }
}
