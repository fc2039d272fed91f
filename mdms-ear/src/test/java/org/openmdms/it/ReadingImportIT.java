package org.openmdms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Interval reads through the REST file path on a managed WildFly: an LCL file with good and bad
 * rows, its import record, a re-send counted as duplicates, a corrected value kept as a new version
 * with the old one in the history, and the daily totals of the spring DST day (46 half-hours).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReadingImportIT {

    private final Api admin = Api.admin();
    private String meter;
    private String usagePoint;
    private long channel;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void aHouseholdWithAHalfHourlyChannel() {
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        meter = "LCLIT" + run;
        usagePoint = "UP-LCL-" + run;
        String csv = "usage_point_id,commodity,customer_class,time_zone,meter_serial,installed_from,channels\n"
                + usagePoint + ",E,RESIDENTIAL,Europe/London," + meter + ",2012-12-01,KWH:30:DELIVERED\n";
        assertEquals(1, admin.postCsv("registry/import?source=it", csv).json().getInt("created"));
        channel = admin.get("usage-points/" + usagePoint).json().getJsonArray("channels").getJsonObject(0)
                .getJsonNumber("id").longValue();
    }

    /** The LCL rows of one GMT day, each value the half-hour's number / 100. */
    private String day(String date) {
        StringBuilder csv = new StringBuilder("LCLid,tstp,energy(kWh/hh)\n");
        for (int i = 0; i < 48; i++) {
            csv.append(String.format(Locale.ROOT, "%s,%s %02d:%02d:00, %.3f %n", meter, date, i / 2, i % 2 * 30,
                    (i + 1) / 100.0));
        }
        return csv.toString();
    }

    @Test
    void aFileLoadsItsGoodRowsRejectsTheBadOnesAndTheCountsReconcile() {
        String file = day("2013-01-15") + "UNKNOWN1,2013-01-15 00:00:00,0.5\n" + meter + ",2013-01-15 00:10:00,0.5\n";

        JsonObject result = admin.postCsv("readings/import?format=lcl&source=MAC-it.csv", file).json();

        assertEquals("COMPLETED", result.getString("status"), result.toString());
        assertEquals(50, result.getInt("received"));
        assertEquals(48, result.getInt("stored"));
        assertEquals(0, result.getInt("duplicates"));
        assertEquals(2, result.getInt("rejected"));
        JsonArray rejects = result.getJsonArray("rejects");
        assertEquals(50, rejects.getJsonObject(0).getInt("line"));
        assertTrue(rejects.getJsonObject(0).getString("reason").contains("UNKNOWN1 is not in the registry"),
                rejects.toString());
        assertEquals(51, rejects.getJsonObject(1).getInt("line"));
        assertTrue(rejects.getJsonObject(1).getString("reason").contains("not on a half-hour"));

        JsonObject again = admin.postCsv("readings/import?format=lcl&source=MAC-it.csv", day("2013-01-15")).json();
        assertEquals(48, again.getInt("duplicates"), again.toString());
        assertEquals(0, again.getInt("stored"));

        JsonObject record = admin.get("readings/imports/" + result.getJsonNumber("id").longValue()).json();
        assertEquals(2, record.getJsonArray("rejects").size());
        assertTrue(admin.get("readings/imports?limit=5").json().getInt("total") >= 2);
    }

    @Test
    void aCorrectedValueBecomesVersionTwoAndTheFirstStaysInTheHistory() {
        admin.postCsv("readings/import?format=lcl", day("2013-02-01"));

        JsonObject fix = admin.postCsv("readings/import?format=lcl",
                "LCLid,tstp,energy(kWh/hh)\n" + meter + ",2013-02-01 00:00:00,0.999\n").json();

        assertEquals(1, fix.getInt("stored"));
        String base = "usage-points/" + usagePoint + "/channels/" + channel;
        JsonObject reads = admin.get(base + "/reads?from=2013-02-01T00:00:00Z&to=2013-02-02T00:00:01Z").json();
        JsonArray values = reads.getJsonArray("reads");
        assertEquals(48, values.size());
        assertEquals("Europe/London", reads.getString("timeZone"));
        JsonObject first = values.getJsonObject(0);
        assertEquals("2013-02-01T00:30:00Z", first.getString("intervalEnd"));
        assertEquals(0.999, first.getJsonNumber("value").doubleValue(), 1e-9);
        assertEquals(2, first.getInt("version"));
        JsonArray history = (JsonArray) admin.get(base + "/reads/2013-02-01T00:30:00Z/history").parse();
        assertEquals(1, history.size());
        assertEquals("REPLACED", history.getJsonObject(0).getString("reason"));
        assertEquals(0.01, history.getJsonObject(0).getJsonNumber("value").doubleValue(), 1e-9);
    }

    @Test
    void dailyTotalsFollowTheLocalDayAcrossTheSpringClockChange() {
        // LCL is GMT all year: 48 rows on 2013-03-31; in London that local day has only 46 half-hours.
        admin.postCsv("readings/import?format=lcl", day("2013-03-31"));

        JsonArray days = (JsonArray) admin.get("usage-points/" + usagePoint + "/channels/" + channel
                + "/daily?from=2013-03-31&to=2013-04-02").parse();

        assertEquals(2, days.size(), days.toString());
        assertEquals(46, days.getJsonObject(0).getInt("readCount"));
        assertEquals(2, days.getJsonObject(1).getInt("readCount"));
        assertEquals(0.47 + 0.48, days.getJsonObject(1).getJsonNumber("total").doubleValue(), 1e-9);
    }

    @Test
    void aHeadEndBatchSentTwiceWithTheSameKeyIsImportedOnce() {
        String batch = "{\"source\":\"HES-1\",\"reads\":["
                + "{\"meterId\":\"" + meter + "\",\"unit\":\"KWH\",\"intervalMinutes\":30,"
                + "\"intervalEnd\":\"2013-06-01T10:00:00Z\",\"value\":0.42},"
                + "{\"meterId\":\"" + meter + "\",\"unit\":\"KWH\",\"intervalMinutes\":30,"
                + "\"intervalEnd\":\"2013-06-01T10:30:00Z\",\"value\":0.43,\"source\":\"ESTIMATED\"},"
                + "{\"meterId\":\"" + meter + "\",\"unit\":\"LITRES\",\"intervalMinutes\":30,"
                + "\"intervalEnd\":\"2013-06-01T11:00:00Z\",\"value\":1}]}";
        String key = "batch-" + meter;

        Api.Reply first = admin.postJson("readings/batch", batch, key);
        Api.Reply again = admin.postJson("readings/batch", batch, key);

        assertEquals(200, first.status(), first.body());
        JsonObject result = first.json();
        assertEquals(3, result.getInt("received"));
        assertEquals(2, result.getInt("stored"));
        assertEquals(1, result.getInt("rejected"));
        assertEquals(3, result.getJsonArray("rejects").getJsonObject(0).getInt("line"));
        assertTrue(result.getJsonArray("rejects").getJsonObject(0).getString("reason").contains("LITRES"));
        assertEquals(200, again.status());
        assertEquals(result.getJsonNumber("id").longValue(), again.json().getJsonNumber("id").longValue());
        assertEquals("true", again.header("Idempotent-Replay"));
        assertEquals("false", first.header("Idempotent-Replay"));
        JsonObject anotherKey = admin.postJson("readings/batch", batch, key + "-2").json();
        assertEquals(2, anotherKey.getInt("duplicates"), anotherKey.toString());
        assertEquals(400, admin.postJson("readings/batch", batch, null).status());
    }

    @Test
    void registerRecordsOfACmepFileAreStoredOnTheRegisterChannelAndAResendIsDuplicates() {
        String csv = "usage_point_id,commodity,customer_class,time_zone,meter_serial,installed_from,channels\n"
                + usagePoint + "-R,E,RESIDENTIAL,Europe/London," + meter + "R,2012-12-01,KWH:30:DELIVERED;KWH:REG:DELIVERED\n";
        assertEquals(1, admin.postCsv("registry/import?source=it", csv).json().getInt("created"));
        long register = admin.get("usage-points/" + usagePoint + "-R").json().getJsonArray("channels").stream()
                .map(JsonValue::asJsonObject).filter(c -> !c.containsKey("intervalMinutes") || c.isNull("intervalMinutes")).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
        String cmep = "MEPMD01,20020101,HES,,MDMS,,201306020000," + meter + "R,OK,E,KWHREG,1,,2,"
                + "201306010000,A,12345.6,201306020000,A,12352.1\n"
                + "MEPMD01,20020101,HES,,MDMS,,201306020000," + meter + "R,OK,E,KWH,1,00000030,1,201306010030,A,0.25\n";

        JsonObject first = admin.postCsv("readings/import?format=cmep&source=it-reg.cmep", cmep).json();
        JsonObject again = admin.postCsv("readings/import?format=cmep&source=it-reg.cmep", cmep).json();

        assertEquals(3, first.getInt("received"), first.toString());
        assertEquals(3, first.getInt("stored"), first.toString());
        assertEquals(3, again.getInt("duplicates"), again.toString());
        JsonObject registers = admin.get("usage-points/" + usagePoint + "-R/channels/" + register
                + "/registers?from=2013-06-01T00:00:00Z&to=2013-06-03T00:00:00Z").json();
        JsonArray reads = registers.getJsonArray("reads");
        assertEquals(2, reads.size(), registers.toString());
        assertEquals(12352.1, reads.getJsonObject(1).getJsonNumber("value").doubleValue(), 1e-9);
        assertEquals("2013-06-02T00:00:00Z", reads.getJsonObject(1).getString("readAt"));
        assertEquals(400, admin.get("usage-points/" + usagePoint + "-R/channels/" + register
                + "/registers?from=2013-06-01T00:00:00Z&to=2015-06-03T00:00:00Z").status());
    }

    @Test
    void eventsOfAHeadEndBatchAreStoredOnceAndReadByUsagePointAndMeter() {
        String batch = "{\"source\":\"HES-1\",\"reads\":["
                + "{\"meterId\":\"" + meter + "\",\"unit\":\"KWH\",\"intervalMinutes\":30,"
                + "\"intervalEnd\":\"2013-11-12T18:00:00Z\",\"value\":0}],"
                + "\"events\":["
                + "{\"meterId\":\"" + meter + "\",\"type\":\"LAST_GASP\",\"occurredAt\":\"2013-11-12T17:42:10Z\","
                + "\"detail\":\"phase A\"},"
                + "{\"meterId\":\"" + meter + "\",\"type\":\"POWER_RESTORE\",\"occurredAt\":\"2013-11-12T18:20:00Z\"},"
                + "{\"meterId\":\"" + meter + "\",\"type\":\"LAST_GASP\",\"occurredAt\":\"2013-11-12T17:42:10Z\"},"
                + "{\"meterId\":\"NO-SUCH-METER\",\"type\":\"TAMPER\",\"occurredAt\":\"2013-11-12T17:00:00Z\"}]}";

        JsonObject result = admin.postJson("readings/batch", batch, "events-" + meter).json();

        assertEquals(5, result.getInt("received"), result.toString());
        assertEquals(3, result.getInt("stored"), result.toString());
        assertEquals(1, result.getInt("duplicates"), result.toString());
        assertEquals(1, result.getInt("rejected"), result.toString());
        JsonObject reject = result.getJsonArray("rejects").getJsonObject(0);
        assertEquals(5, reject.getInt("line"), "the 4th event follows the one read");
        assertTrue(reject.getString("reason").contains("NO-SUCH-METER is not in the registry"), reject.toString());
        JsonObject atUsagePoint = admin.get("usage-points/" + usagePoint
                + "/events?from=2013-11-12T00:00:00Z&to=2013-11-13T00:00:00Z").json();
        JsonArray events = atUsagePoint.getJsonArray("events");
        assertEquals(2, events.size(), atUsagePoint.toString());
        assertEquals("LAST_GASP", events.getJsonObject(0).getString("type"));
        assertEquals("phase A", events.getJsonObject(0).getString("detail"));
        assertEquals(meter, events.getJsonObject(0).getString("meter"));
        assertEquals("Europe/London", atUsagePoint.getString("timeZone"));
        JsonObject ofMeter = admin.get("meters/" + meter + "/events?from=2013-11-12T18:00:00Z&to=2013-11-13T00:00:00Z")
                .json();
        assertEquals("POWER_RESTORE", ofMeter.getJsonArray("events").getJsonObject(0).getString("type"));
        assertEquals(usagePoint, ofMeter.getJsonArray("events").getJsonObject(0).getString("usagePoint"));
        assertEquals(404, admin.get("meters/NO-SUCH-METER/events?from=2013-11-12T00:00:00Z&to=2013-11-13T00:00:00Z")
                .status());
    }

    @Test
    void aFileDroppedInTheInboxIsImportedAndArchived() throws Exception {
        java.nio.file.Path root = java.nio.file.Path.of(System.getProperty("mdms.it.data.dir"), "mdms", "inbox");
        java.nio.file.Path lcl = root.resolve("inbox").resolve("lcl");
        String name = meter + ".csv";
        java.nio.file.Path partial = lcl.resolve(name + ".part");
        java.nio.file.Files.writeString(partial, day("2013-07-01"));
        java.nio.file.Path pending = lcl.resolve("still-writing-" + name + ".part");
        java.nio.file.Files.writeString(pending, day("2013-07-02"));
        java.nio.file.Files.move(partial, lcl.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);

        JsonObject found = null;
        for (int i = 0; i < 60 && found == null; i++) {
            Thread.sleep(1000);
            for (var item : admin.get("readings/imports?limit=50").json().getJsonArray("items")) {
                JsonObject record = item.asJsonObject();
                if (record.getString("source").equals("inbox/lcl/" + name) && record.getString("status").equals("COMPLETED")) {
                    found = record;
                }
            }
        }

        assertTrue(found != null, "the inbox file was not imported within 60 s");
        assertEquals(48, found.getInt("stored"));
        assertEquals("system", found.getString("startedBy"));
        java.nio.file.Path archived = root.resolve("archive").resolve(java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                .toString()).resolve(name);
        for (int i = 0; i < 10 && !java.nio.file.Files.exists(archived); i++) {
            Thread.sleep(500);
        }
        assertTrue(java.nio.file.Files.exists(archived), "not archived: " + archived);
        assertTrue(java.nio.file.Files.exists(pending), "a file still being written must be left alone");
        java.nio.file.Files.delete(pending);
    }

    @Test
    void readsRefusedByTheRegistryAreReprocessedOnceItIsFixed() {
        String newcomer = meter + "N";
        String batch = "{\"source\":\"HES-REPROCESS\",\"reads\":["
                + "{\"meterId\":\"" + meter + "\",\"unit\":\"KWH\",\"intervalMinutes\":30,"
                + "\"intervalEnd\":\"2013-09-01T10:00:00Z\",\"value\":0.1},"
                + "{\"meterId\":\"" + newcomer + "\",\"unit\":\"KWH\",\"intervalMinutes\":30,"
                + "\"intervalEnd\":\"2013-09-01T10:00:00Z\",\"value\":0.2},"
                + "{\"meterId\":\"" + newcomer + "\",\"unit\":\"KWH\",\"intervalMinutes\":30,"
                + "\"intervalEnd\":\"2013-09-01T10:30:00Z\",\"value\":0.3}]}";
        JsonObject first = admin.postJson("readings/batch", batch, "reprocess-" + meter).json();
        assertEquals(1, first.getInt("stored"), first.toString());
        assertEquals(2, first.getInt("rejected"));
        long firstId = first.getJsonNumber("id").longValue();

        // Too early: the meter is still unknown, so the records are refused again, now by the new import.
        JsonObject tooEarly = admin.post("readings/imports/" + firstId + "/reprocess", "").json();
        assertEquals(0, tooEarly.getInt("stored"), tooEarly.toString());
        assertEquals(2, tooEarly.getInt("rejected"));
        assertEquals(400, admin.post("readings/imports/" + firstId + "/reprocess", "").status(), "nothing left");

        String csv = "usage_point_id,commodity,customer_class,time_zone,meter_serial,installed_from,channels\n"
                + "UP-N-" + newcomer + ",E,RESIDENTIAL,Europe/London," + newcomer + ",2013-01-01,KWH:30:DELIVERED\n";
        assertEquals(1, admin.postCsv("registry/import?source=it", csv).json().getInt("created"));
        long tooEarlyId = tooEarly.getJsonNumber("id").longValue();
        Api.Reply reprocessed = admin.post("readings/imports/" + tooEarlyId + "/reprocess", "");

        assertEquals(200, reprocessed.status(), reprocessed.body());
        JsonObject fixed = reprocessed.json();
        assertEquals("reprocess of import " + tooEarlyId, fixed.getString("source"));
        assertEquals(2, fixed.getInt("received"));
        assertEquals(2, fixed.getInt("stored"), fixed.toString());
        assertEquals(400, admin.post("readings/imports/" + tooEarlyId + "/reprocess", "").status());
    }

    @Test
    void anAnalystMayImportButAnAuditorMayNot() {
        String name = "imp" + meter.toLowerCase(Locale.ROOT);
        admin.post("users", "{\"username\":\"" + name + "\",\"password\":\"secret-123\",\"roles\":[\"auditor\"]}");

        assertEquals(403, Api.as(name, "secret-123").postCsv("readings/import?format=lcl", day("2013-05-01")).status());
        assertEquals(400, admin.postCsv("readings/import?format=xml", day("2013-05-01")).status());
    }
}
