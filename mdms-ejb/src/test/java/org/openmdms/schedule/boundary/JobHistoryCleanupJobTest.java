package org.openmdms.schedule.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The run history is cut at the configured number of days before now; 0 keeps everything. */
class JobHistoryCleanupJobTest {

    private static final Instant NOW = Instant.parse("2026-05-01T02:45:00Z");

    static final class FakeLog extends JobRunLog {
        final List<Instant> cutOffs = new ArrayList<>();

        @Override
        public int deleteEndedBefore(Instant before) {
            cutOffs.add(before);
            return 7;
        }
    }

    @AfterEach
    void clearSetting() {
        System.clearProperty("mdms.scheduler.history.days");
    }

    private JobHistoryCleanupJob job(FakeLog log) {
        JobHistoryCleanupJob job = new JobHistoryCleanupJob();
        job.log = log;
        job.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return job;
    }

    @Test
    void runsOlderThanNinetyDaysByDefaultAreDeleted() {
        FakeLog log = new FakeLog();

        assertEquals(7L, job(log).run().records());

        assertEquals(List.of(Instant.parse("2026-01-31T02:45:00Z")), log.cutOffs);
    }

    @Test
    void theSettingChangesTheDaysKeptAndZeroKeepsEverything() {
        FakeLog log = new FakeLog();
        System.setProperty("mdms.scheduler.history.days", "7");
        job(log).run();
        assertEquals(List.of(Instant.parse("2026-04-24T02:45:00Z")), log.cutOffs);

        System.setProperty("mdms.scheduler.history.days", "0");
        assertEquals(0L, job(log).run().records());
        assertEquals(1, log.cutOffs.size(), "nothing deleted");
        assertEquals(true, job(log).description().contains("kept forever"));
    }
}
