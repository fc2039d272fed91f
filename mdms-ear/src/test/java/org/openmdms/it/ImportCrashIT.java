package org.openmdms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kill and retry: a server is killed with SIGKILL in the middle of a reading file's import. After
 * the restart the import is marked FAILED (interrupted) with what its committed chunks stored (on
 * PostgreSQL every chunk committed before the kill; H2 may lose its last commits, records and reads
 * together); the
 * same file imported again completes it: every read is stored exactly once (the first import's
 * stored + the retry's stored = the file), nothing twice, every channel day complete.
 *
 * <p>Not an Arquillian test: it starts its own WildFly (port offset 150, base folder
 * target/crash-server) so that it may kill it; on PostgreSQL with a database of its own.
 */
class ImportCrashIT {

    private static final int METERS = 12;
    private static final LocalDate FIRST = LocalDate.of(2013, 1, 1);
    private static final int DAYS = 365;
    private static final int READS = METERS * DAYS * 48;
    private static final String FILE = "crash-test.csv";

    private static StandaloneServer server;
    private static Api admin;

    @BeforeAll
    static void start() throws Exception {
        List<String> properties = new ArrayList<>();
        if ("postgresql".equals(System.getProperty("mdms.it.db"))) {
            String database = CrashDatabase.fresh(System.getProperty("mdms.it.pg.url"), "mdms_test_crash");
            properties.add("-Dmdms.db.url=" + database);
            properties.add("-Dmdms.db.user=postgres");
        }
        server = new StandaloneServer(Path.of("target", "crash-server").toAbsolutePath(), 150, properties);
        server.prepare();
        server.start();
        admin = Api.at(server.baseUrl(), Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aFileCutOffByAKilledServerIsCompletedByImportingItAgain() throws Exception {
        StringBuilder registry = new StringBuilder(
                "usage_point_id,commodity,customer_class,time_zone,meter_serial,installed_from,channels\n");
        for (int m = 0; m < METERS; m++) {
            registry.append("UP-CRASH-").append(m).append(",E,RESIDENTIAL,Europe/London,CRASH").append(m)
                    .append(",2012-12-01,KWH:30:DELIVERED\n");
        }
        assertEquals(METERS, admin.postCsv("registry/import?source=crash", registry.toString()).json().getInt("created"));
        byte[] file = lclFile();

        CompletableFuture<HttpResponse<String>> cutOff = upload(file);
        JsonObject running = awaitRunningWithStoredReads();
        server.kill();
        cutOff.handle((response, error) -> null).get();

        server.start();
        JsonObject interrupted = admin.get("readings/imports/" + running.getJsonNumber("id").longValue()).json();
        assertEquals("FAILED", interrupted.getString("status"), interrupted.toString());
        assertTrue(interrupted.getString("failure").contains("interrupted"), interrupted.toString());
        long storedBeforeTheKill = interrupted.getJsonNumber("stored").longValue();
        assertTrue(storedBeforeTheKill < READS, "the kill must cut the import off, stored " + storedBeforeTheKill);
        if (!"h2".equals(System.getProperty("mdms.it.db", "h2"))) {
            // H2 may lose its last commits to a kill (import record and reads together); PostgreSQL may not.
            assertTrue(storedBeforeTheKill >= running.getJsonNumber("stored").longValue(), "committed chunks survive");
        }
        // Chunks end where a meter's reads do (ChunkCut): 20 000 records, then the rest of the meter's.
        assertEquals(0, storedBeforeTheKill % (DAYS * 48), "only whole chunks, of whole meters, are committed");

        HttpResponse<String> retried = upload(file).get();
        assertEquals(200, retried.statusCode(), retried.body());
        JsonObject retry = new Api.Reply(200, retried.body(), retried.headers()).json();
        assertEquals("COMPLETED", retry.getString("status"));
        assertEquals(READS, retry.getInt("received"));
        assertEquals(0, retry.getInt("rejected"));
        assertEquals(storedBeforeTheKill, retry.getInt("duplicates"), "what was stored before the kill is a duplicate");
        assertEquals(READS, storedBeforeTheKill + retry.getInt("stored"), "every read stored exactly once");

        for (int m : new int[] {0, METERS / 2, METERS - 1}) {
            JsonObject usagePoint = admin.get("usage-points/UP-CRASH-" + m).json();
            long channel = usagePoint.getJsonArray("channels").getJsonObject(0).getJsonNumber("id").longValue();
            var days = (jakarta.json.JsonArray) admin.get("usage-points/UP-CRASH-" + m + "/channels/" + channel
                    + "/daily?from=" + FIRST + "&to=" + FIRST.plusDays(DAYS)).parse();
            assertEquals(DAYS, days.size(), "days of meter " + m);
            for (var day : days) {
                JsonObject d = day.asJsonObject();
                int expected = d.getString("day").equals("2013-03-31") ? 46 : d.getString("day").equals("2013-10-27") ? 50 : 48;
                assertEquals(expected, d.getInt("readCount"), "intervals of meter " + m + " on " + d.getString("day"));
            }
        }
    }

    /** LCL half-hours (GMT labels) of every meter for the year, meter after meter. */
    private static byte[] lclFile() {
        StringBuilder csv = new StringBuilder(READS * 40).append("LCLid,tstp,energy(kWh/hh)\n");
        for (int m = 0; m < METERS; m++) {
            for (int d = 0; d < DAYS; d++) {
                LocalDate day = FIRST.plusDays(d);
                for (int i = 0; i < 48; i++) {
                    csv.append("CRASH").append(m).append(',').append(day).append(' ')
                            .append(String.format(Locale.ROOT, "%02d:%02d:00", i / 2, i % 2 * 30)).append(',')
                            .append(String.format(Locale.ROOT, "%.3f", 0.1 + (i % 7) / 10.0)).append('\n');
                }
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static CompletableFuture<HttpResponse<String>> upload(byte[] file) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/readings/import?format=lcl&source=" + FILE))
                .timeout(Duration.ofMinutes(10))
                .header("Content-Type", "text/csv")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (Deployments.ADMIN + ":" + Deployments.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject awaitRunningWithStoredReads() throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            for (var item : admin.get("readings/imports?limit=5").json().getJsonArray("items")) {
                JsonObject record = item.asJsonObject();
                if (record.getString("source").equals(FILE)) {
                    assertEquals("RUNNING", record.getString("status"), "the import ended before the kill: " + record);
                    if (record.getJsonNumber("stored").longValue() > 0) {
                        return record;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import stored nothing within 120 s");
    }
}
