package org.openmdms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scheduler on the test server through the REST API: the nightly jobs moved from EJB timers are
 * listed with their cron expressions and next fire times; a cron set to fire every few seconds fires
 * and its run is recorded in the history; run now runs and is recorded with who asked; an invalid
 * cron is refused with the reason; disabling stops the preview; changes are audited; only admins
 * change schedules. The job used is interval-storage-nightly (retention is off here, so it only
 * prepares storage); billing-nightly is left alone because other tests calculate determinants. The
 * run history's nightly cleanup and the daily CMEP file (disabled at first, written to its export
 * target) run now.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SchedulesIT {

    private static final String JOB = "interval-storage-nightly";
    private static final String NIGHTLY = "0 15 2 * * ?";

    private final Api admin = Api.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void theNightlyJobsAreScheduledWithTheirFormerTimesAndAPreview() {
        Api.Reply list = admin.get("schedules");

        assertEquals(200, list.status(), list.body());
        for (String name : new String[] {"billing-nightly", JOB}) {
            JsonObject job = list.parse().asJsonArray().stream().map(JsonValue::asJsonObject)
                    .filter(j -> j.getString("name").equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " not in " + list.body()));
            assertEquals(NIGHTLY, job.getString("cron"), job.toString());
            assertTrue(job.getString("cronDescription").startsWith("At 02:15, every day"), job.toString());
            if (job.getBoolean("enabled")) {
                assertEquals(3, job.getJsonArray("nextFireTimes").size(), job.toString());
            }
        }
        Api.Reply page = admin.page("admin/schedules.xhtml");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<h1>Schedules</h1>") && page.body().contains("billing-nightly"), page.body());
    }

    @Test
    void aCronThatFiresWithinSecondsRunsTheJobAndTheRunIsRecorded() {
        Instant before = Instant.now();
        try {
            Api.Reply changed = admin.put("schedules/" + JOB, "{\"cron\":\"0/3 * * * * ?\",\"enabled\":true}", null);
            assertEquals(200, changed.status(), changed.body());
            assertEquals("Every 3 seconds (" + changed.json().getString("timeZone") + ")",
                    changed.json().getString("cronDescription"));

            JsonObject run = awaitRun(r -> "schedule".equals(r.getString("triggeredBy"))
                    && Instant.parse(r.getString("startedAt")).isAfter(before) && !"RUNNING".equals(r.getString("status")));

            assertEquals("SUCCEEDED", run.getString("status"), run.toString());
            assertFalse(run.getString("node").isBlank());
            assertTrue(Instant.parse(run.getString("endedAt")).compareTo(Instant.parse(run.getString("startedAt"))) >= 0);
            assertEquals(1, run.getInt("attempt"));
        } finally {
            assertEquals(200, admin.put("schedules/" + JOB, "{\"cron\":\"" + NIGHTLY + "\"}", null).status());
        }
        Api.Reply audit = admin.get("audit?subjectType=SCHEDULE&subjectKey=" + JOB);
        assertTrue(audit.body().contains("0/3 * * * * ?") && audit.body().contains(NIGHTLY), audit.body());
    }

    @Test
    void runNowRunsTheJobAndRecordsWhoAskedForIt() {
        Instant before = Instant.now();

        Api.Reply accepted = admin.post("schedules/" + JOB + "/runs", "");

        assertEquals(202, accepted.status(), accepted.body());
        JsonObject run = awaitRun(r -> "admin".equals(r.getString("triggeredBy"))
                && Instant.parse(r.getString("startedAt")).isAfter(before) && !"RUNNING".equals(r.getString("status")));
        assertEquals("SUCCEEDED", run.getString("status"), run.toString());
        assertEquals(0, run.getJsonNumber("records").longValue(), "retention is off: nothing removed");
        assertTrue(admin.get("audit?subjectType=SCHEDULE&subjectKey=" + JOB).body().contains("RUN_NOW"));
    }

    @Test
    void anInvalidCronIsRefusedWithTheReason() {
        Api.Reply refused = admin.put("schedules/" + JOB, "{\"cron\":\"0 61 2 * * ?\"}", null);

        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.json().getString("message").startsWith("Invalid cron expression '0 61 2 * * ?'"),
                refused.body());
        assertEquals(400, admin.put("schedules/" + JOB, "{\"cron\":\"every night\"}", null).status());
        assertEquals(400, admin.get("schedules/cron-preview?cron=0+15+2+*+*").status());
        assertEquals(NIGHTLY, admin.get("schedules/" + JOB).json().getString("cron"), "unchanged");
        assertEquals(404, admin.get("schedules/no-such-job").status());
    }

    @Test
    void aDisabledJobHasNoNextFireTimesUntilEnabledAgain() {
        String job = "billing-nightly";
        try {
            JsonObject disabled = admin.put("schedules/" + job, "{\"enabled\":false}", null).json();
            assertFalse(disabled.getBoolean("enabled"), disabled.toString());
            assertEquals("PAUSED", disabled.getString("state"));
            assertTrue(disabled.getJsonArray("nextFireTimes").isEmpty());
        } finally {
            JsonObject enabled = admin.put("schedules/" + job, "{\"enabled\":true}", null).json();
            assertTrue(enabled.getBoolean("enabled"), enabled.toString());
            assertEquals(3, enabled.getJsonArray("nextFireTimes").size());
        }
    }

    @Test
    void theRunHistoryIsKeptNinetyDaysByANightlyCleanup() {
        String cleanup = "job-history-cleanup";
        JsonObject job = admin.get("schedules/" + cleanup).json();
        assertEquals("0 45 2 * * ?", job.getString("cron"));
        assertTrue(job.getString("description").contains("older than 90 days (mdms.scheduler.history.days)"),
                job.toString());
        assertTrue(admin.page("admin/schedules.xhtml").body().contains("Run history is kept for 90 days"));

        Instant before = Instant.now();
        assertEquals(202, admin.post("schedules/" + cleanup + "/runs", "").status());
        JsonObject run = awaitRun(cleanup, r -> "admin".equals(r.getString("triggeredBy"))
                && Instant.parse(r.getString("startedAt")).isAfter(before) && !"RUNNING".equals(r.getString("status")));

        assertEquals("SUCCEEDED", run.getString("status"), run.toString());
        assertEquals(0, run.getJsonNumber("records").longValue(), "a fresh server has no run older than 90 days");
    }

    @Test
    void theDailyCmepFileStartsDisabledAndRunsIntoItsExportTarget() throws IOException {
        String cmep = "cmep-export-daily";
        JsonObject job = admin.get("schedules/" + cmep).json();
        assertFalse(job.getBoolean("enabled"), "off until an administrator wants it: " + job);
        Path folder = Files.createTempDirectory("mdms-it-cmep");
        try {
            assertEquals(200, admin.put("export-targets/cmep-daily", "{\"folder\":\"" + folder + "\"}", null).status());
            Instant before = Instant.now();
            assertEquals(202, admin.post("schedules/" + cmep + "/runs", "").status());
            JsonObject run = awaitRun(cmep, r -> "admin".equals(r.getString("triggeredBy"))
                    && Instant.parse(r.getString("startedAt")).isAfter(before) && !"RUNNING".equals(r.getString("status")));

            assertEquals("SUCCEEDED", run.getString("status"), run.toString());
            assertEquals(1, run.getInt("files"));
            String day = LocalDate.parse(run.getString("fireTime").substring(0, 10)).minusDays(1)
                    .format(DateTimeFormatter.BASIC_ISO_DATE);
            assertTrue(Files.exists(folder.resolve("mdms-cmep-" + day + ".csv")), folder.toString());
        } finally {
            assertEquals(200, admin.delete("export-targets/cmep-daily").status());
        }
    }

    @Test
    void onlyAdministratorsChangeSchedules() {
        String name = "sch" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        Api.Reply created = admin.post("users", "{\"username\":\"" + name + "\",\"password\":\"secret-" + name
                + "\",\"fullName\":\"Test analyst\",\"roles\":[\"analyst\"]}");
        assertEquals(201, created.status(), created.body());
        Api analyst = Api.as(name, "secret-" + name);

        assertEquals(403, analyst.get("schedules").status());
        assertEquals(403, analyst.put("schedules/" + JOB, "{\"enabled\":false}", null).status());
        assertEquals(403, analyst.post("schedules/" + JOB + "/runs", "").status());
    }

    /** Polls the job's history (newest first) until a run matches, for up to 60 seconds. */
    private JsonObject awaitRun(Predicate<JsonObject> wanted) {
        return awaitRun(JOB, wanted);
    }

    private JsonObject awaitRun(String job, Predicate<JsonObject> wanted) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Api.Reply runs = admin.get("schedules/" + job + "/runs?limit=20");
            assertEquals(200, runs.status(), runs.body());
            Optional<JsonObject> run = runs.json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                    .filter(wanted).findFirst();
            if (run.isPresent()) {
                return run.get();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(e);
            }
        }
        fail("No matching run of " + job + " within 60 s: " + admin.get("schedules/" + job + "/runs?limit=20").body());
        return null;
    }
}
