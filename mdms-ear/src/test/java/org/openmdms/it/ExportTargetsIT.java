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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Export targets on the test server (which runs on this machine, so the test sees the folders it
 * writes): an administrator points the billing file export at a folder; the folder is checked;
 * the job writes there; a folder the server cannot write to makes the run FAILED with the reason in
 * the history and leaves no file, and the automatic retry succeeds once the folder is fixed
 * (the test server retries after 10 s, see arquillian.xml). Changes are audited; auditors read,
 * analysts are refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExportTargetsIT {

    private static final String BILLING = "billing-file";
    private static final String BILLING_JOB = "billing-file-export";

    private final Api admin = Api.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @AfterEach
    void backToTheSettingsFolders() {
        for (String export : List.of(BILLING, "monthly-reports", "cmep-daily")) {
            assertEquals(200, admin.delete("export-targets/" + export).status());
        }
    }

    @Test
    void everyFileExportIsListedWithTheFolderOfItsSettingUntilAnAdministratorChoosesOne() {
        Api.Reply list = admin.get("export-targets");

        assertEquals(200, list.status(), list.body());
        List<JsonObject> targets = list.parse().asJsonArray().stream().map(JsonValue::asJsonObject).toList();
        assertEquals(List.of(BILLING, "monthly-reports", "cmep-daily"), targets.stream().map(t -> t.getString("name")).toList());
        JsonObject billing = targets.get(0);
        assertEquals(BILLING_JOB, billing.getString("job"));
        assertFalse(billing.getBoolean("configured"), billing.toString());
        assertEquals("mdms.export.billing.dir", billing.getString("setting"));
        assertEquals(billing.getString("defaultFolder"), billing.getString("folder"));
        assertTrue(billing.getString("folder").endsWith("/mdms/exports/billing"), billing.toString());
        assertEquals("reports-monthly", targets.get(1).getString("job"));
        assertEquals("cmep-export-daily", targets.get(2).getString("job"));
        assertEquals(404, admin.get("export-targets/no-such-export").status());
    }

    @Test
    void aFolderMustBeAbsoluteAndWritableByTheServer() throws IOException {
        Path root = Files.createTempDirectory("mdms-it-target");
        Path file = Files.writeString(root.resolve("a-file"), "not a folder");

        Api.Reply relative = admin.put("export-targets/" + BILLING, "{\"folder\":\"exports/billing\"}", null);
        assertEquals(400, relative.status(), relative.body());
        assertTrue(relative.json().getString("message").contains("absolute path"), relative.body());

        Api.Reply notAFolder = admin.put("export-targets/" + BILLING, "{\"folder\":\"" + file + "\"}", null);
        assertEquals(400, notAFolder.status(), notAFolder.body());
        assertEquals("The server cannot write export files to " + file + ": " + file + " exists and is not a folder",
                notAFolder.json().getString("message"));
        assertEquals(400, admin.put("export-targets/" + BILLING, "{}", null).status());

        Path missing = root.resolve("made/by/the/server");
        Api.Reply made = admin.put("export-targets/" + BILLING, "{\"folder\":\"" + missing + "/../server/\"}", null);
        assertEquals(200, made.status(), made.body());
        assertEquals(missing.toString(), made.json().getString("folder"), "normalised");
        assertTrue(made.json().getBoolean("configured"));
        assertEquals(Deployments.ADMIN, made.json().getString("changedBy"));
        assertTrue(Files.isDirectory(missing), "the server created it");
    }

    @Test
    void theJobWritesWhereTheTargetSaysAndTheChangeIsAudited() throws IOException {
        Path folder = Files.createTempDirectory("mdms-it-billing");
        String before = admin.get("export-targets/" + BILLING).json().getString("folder");

        assertEquals(200, admin.put("export-targets/" + BILLING, "{\"folder\":\"" + folder + "\"}", null).status());
        JsonObject run = runNowAndAwait(BILLING_JOB, r -> true);

        assertEquals("SUCCEEDED", run.getString("status"), run.toString());
        assertEquals(4, run.getInt("files"), run.toString());
        List<String> names = names(folder);
        assertEquals(8, names.size(), "four files and their checksums: " + names);
        assertTrue(names.stream().allMatch(n -> n.startsWith("mdms-billing-") && !n.endsWith(".part")), names.toString());

        Api.Reply audit = admin.get("audit?subjectType=export-target&subjectKey=" + BILLING);
        assertTrue(audit.body().contains("export-target.change"), audit.body());
        assertTrue(audit.body().contains(before) && audit.body().contains(folder.toString()), "old -> new: " + audit.body());
        assertEquals(200, admin.delete("export-targets/" + BILLING).status());
        assertTrue(admin.get("audit?subjectType=export-target&subjectKey=" + BILLING).body().contains("export-target.reset"));
        assertFalse(admin.get("export-targets/" + BILLING).json().getBoolean("configured"));
    }

    /**
     * The server runs as the same user as the test (root on our machines, which no file permission
     * stops), so the folder is made unwritable the way that stops root too: something else than a
     * folder takes its place after it was set.
     */
    @Test
    void aTargetTheServerCannotWriteFailsTheRunLeavesNoFileAndTheRetrySucceedsOnceItIsFixed() throws IOException {
        Path root = Files.createTempDirectory("mdms-it-unwritable");
        Path folder = Files.createDirectory(root.resolve("billing"));
        assertEquals(200, admin.put("export-targets/" + BILLING, "{\"folder\":\"" + folder + "\"}", null).status());
        Files.delete(folder);
        Files.writeString(folder, "the folder was replaced by a file");

        JsonObject failed = runNowAndAwait(BILLING_JOB, r -> true);

        assertEquals("FAILED", failed.getString("status"), failed.toString());
        assertEquals(1, failed.getInt("attempt"));
        String error = failed.getString("error");
        assertTrue(error.startsWith("ExportTargetUnusable: Export target billing-file (set by admin): cannot write to "
                + folder + ": " + folder + " exists and is not a folder."), error);
        assertEquals(List.of("billing"), names(root), "no file written anywhere");
        assertEquals("the folder was replaced by a file", Files.readString(folder));

        // fixed before the retry (10 s after the failure on the test server)
        Files.delete(folder);
        Files.createDirectory(folder);
        JsonObject retried = awaitRun(BILLING_JOB, r -> r.getString("fireTime").equals(failed.getString("fireTime"))
                && r.getInt("attempt") == 2 && !"RUNNING".equals(r.getString("status")), Duration.ofSeconds(90));

        assertEquals("retry", retried.getString("triggeredBy"));
        assertEquals("SUCCEEDED", retried.getString("status"), retried.toString());
        assertEquals(4, retried.getInt("files"));
        assertEquals(8, names(folder).size(), names(folder).toString());
    }

    @Test
    void theBillingFilesWrittenOnDemandGoToTheTargetTooOrAreRefusedWithTheReason() throws IOException {
        Path root = Files.createTempDirectory("mdms-it-demand");
        Path folder = Files.createDirectory(root.resolve("billing"));
        assertEquals(200, admin.put("export-targets/" + BILLING, "{\"folder\":\"" + folder + "\"}", null).status());

        Api.Reply written = admin.post("exports/billing?day=2013-04-02", "");
        assertEquals(200, written.status(), written.body());
        assertEquals(folder.toString(), written.json().getString("folder"));
        assertTrue(Files.exists(folder.resolve("mdms-billing-20130402-new.dat")));

        Files.walk(folder).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        Files.writeString(folder, "not a folder");
        Api.Reply refused = admin.post("exports/billing?day=2013-04-02", "");
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.json().getString("message").contains("exists and is not a folder"), refused.body());
    }

    @Test
    void auditorsReadTargetsAndOnlyAdministratorsChangeThem() {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        Api auditor = user("aud" + suffix, "auditor");
        Api analyst = user("ana" + suffix, "analyst");

        assertEquals(200, auditor.get("export-targets").status());
        assertEquals(403, auditor.put("export-targets/" + BILLING, "{\"folder\":\"/tmp\"}", null).status());
        assertEquals(403, analyst.get("export-targets").status());
        assertEquals(403, analyst.delete("export-targets/" + BILLING).status());
    }

    private Api user(String name, String role) {
        Api.Reply created = admin.post("users", "{\"username\":\"" + name + "\",\"password\":\"secret-" + name
                + "\",\"fullName\":\"Test " + role + "\",\"roles\":[\"" + role + "\"]}");
        assertEquals(201, created.status(), created.body());
        return Api.as(name, "secret-" + name);
    }

    /** Runs the job now and waits for the run it started (by this admin, after now) to end. */
    private JsonObject runNowAndAwait(String job, Predicate<JsonObject> wanted) {
        Instant before = Instant.now();
        Api.Reply accepted = admin.post("schedules/" + job + "/runs", "");
        assertEquals(202, accepted.status(), accepted.body());
        return awaitRun(job, r -> Deployments.ADMIN.equals(r.getString("triggeredBy"))
                && Instant.parse(r.getString("startedAt")).isAfter(before.minusSeconds(1))
                && !"RUNNING".equals(r.getString("status")) && wanted.test(r), Duration.ofSeconds(60));
    }

    private JsonObject awaitRun(String job, Predicate<JsonObject> wanted, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
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
        fail("No matching run of " + job + " within " + timeout + ": " + admin.get("schedules/" + job + "/runs?limit=20").body());
        return null;
    }

    private static List<String> names(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
