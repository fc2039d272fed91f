package org.openmdms.schedule.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void commonShapesAreReadOut() {
        assertEquals("At 02:15, every day (Europe/London)", CronSchedule.of("0 15 2 * * ?", LONDON).describe());
        assertEquals("Every 10 seconds (Europe/London)", CronSchedule.of("0/10 * * * * ?", LONDON).describe());
        assertEquals("Every 5 minutes (UTC)", CronSchedule.of("0 */5 * * * ?", ZoneId.of("UTC")).describe());
        assertEquals("At 06:30, on Monday to Friday (Europe/London)",
                CronSchedule.of("0 30 6 ? * MON-FRI", LONDON).describe());
        assertEquals("At 01:00 and 13:00, on day 1 of the month in January, July (Europe/London)",
                CronSchedule.of("0 0 1,13 1 1,7 ?", LONDON).describe());
        assertEquals("At 23:00, on the last day of the month (Europe/London)",
                CronSchedule.of("0 0 23 L * ?", LONDON).describe());
        assertEquals("Every hour at minute 5 (Europe/London)", CronSchedule.of("0 5 * * * ?", LONDON).describe());
    }

    @Test
    void nextFireTimesFollowTheZoneAcrossTheDstChange() {
        // 27 October 2013: London goes back from BST (+01:00) to GMT at 02:00 BST
        List<Instant> next = CronSchedule.of("0 15 2 * * ?", LONDON).nextAfter(Instant.parse("2013-10-25T12:00:00Z"), 3);

        assertEquals(List.of(Instant.parse("2013-10-26T01:15:00Z"), Instant.parse("2013-10-27T02:15:00Z"),
                Instant.parse("2013-10-28T02:15:00Z")), next);
    }

    @Test
    void invalidExpressionsAreRefusedWithTheReason() {
        IllegalArgumentException minute = assertThrows(IllegalArgumentException.class,
                () -> CronSchedule.of("0 61 2 * * ?", LONDON));
        assertTrue(minute.getMessage().startsWith("Invalid cron expression '0 61 2 * * ?': "), minute.getMessage());
        IllegalArgumentException fields = assertThrows(IllegalArgumentException.class,
                () -> CronSchedule.of("15 2 * * *", LONDON));
        assertTrue(fields.getMessage().contains("it has 5 fields; Quartz wants 6 or 7"), fields.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CronSchedule.of("0 15 2 * * MON", LONDON),
                "day-of-month and day-of-week both given");
        assertThrows(IllegalArgumentException.class, () -> CronSchedule.of(" ", LONDON));
        assertThrows(IllegalArgumentException.class, () -> CronSchedule.of("0 0 0 1 1 ? 2001", LONDON),
                "never fires again");
    }

    @Test
    void theDelegateFollowsTheDatabase() {
        assertEquals("org.quartz.impl.jdbcjobstore.PostgreSQLDelegate", QuartzProperties.delegateFor("PostgreSQL"));
        assertEquals("org.quartz.impl.jdbcjobstore.StdJDBCDelegate", QuartzProperties.delegateFor("H2"));
        assertEquals("org.quartz.impl.jdbcjobstore.oracle.OracleDelegate", QuartzProperties.delegateFor("Oracle"));
        assertEquals("true", QuartzProperties.of("H2", 3, 15000).getProperty("org.quartz.jobStore.isClustered"));
        assertEquals("AUTO", QuartzProperties.of("H2", 3, 15000).getProperty("org.quartz.scheduler.instanceId"));
    }
}
