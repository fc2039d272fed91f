package org.openmdms.schedule.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmdms.TestDatabase;
import org.openmdms.paging.PageRequest;
import org.openmdms.schedule.entity.JobRun;

/** The run history: newest first, and the retention that deletes old ended runs but never a running one. */
class JobRunStoreIT {

    private static final Instant NOW = Instant.parse("2026-05-01T03:00:00Z");
    private static TestDatabase db;

    @BeforeAll
    static void start() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void retentionDeletesEndedRunsThatStartedBeforeTheCutOffAndKeepsRunningOnes() {
        Instant cutOff = NOW.minusSeconds(90L * 86_400);
        db.run(em -> {
            JobRunStore store = new JobRunStore(em);
            store.add(run("old-ok", cutOff.minusSeconds(3600), JobRun.Status.SUCCEEDED));
            store.add(run("old-failed", cutOff.minusSeconds(1), JobRun.Status.FAILED));
            store.add(run("old-running", cutOff.minusSeconds(7200), JobRun.Status.RUNNING));
            store.add(run("at-cut-off", cutOff, JobRun.Status.SUCCEEDED));
            store.add(run("recent", NOW.minusSeconds(60), JobRun.Status.SUCCEEDED));
        });

        int deleted = db.inTransaction(em -> new JobRunStore(em).deleteEndedBefore(cutOff));

        assertEquals(2, deleted);
        List<String> left = db.inTransaction(em -> new JobRunStore(em).runs(null, PageRequest.first(10)).items()
                .stream().map(JobRun::jobName).toList());
        assertEquals(List.of("recent", "at-cut-off", "old-running"), left);
        assertEquals(0, (int) db.inTransaction(em -> new JobRunStore(em).deleteEndedBefore(cutOff)), "nothing left to delete");
    }

    private static JobRun run(String job, Instant startedAt, JobRun.Status status) {
        JobRun run = new JobRun(job, startedAt, 1, "schedule", "node-1", startedAt);
        switch (status) {
            case SUCCEEDED -> run.succeeded(startedAt.plusSeconds(5), 1L, null);
            case FAILED -> run.failed(startedAt.plusSeconds(5), "IOException: disk full");
            default -> {
            }
        }
        return run;
    }
}
