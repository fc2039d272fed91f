package org.openmdms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * VEE on a managed WildFly: four weeks of a household's half-hours and a day with a spike and a
 * one-hour gap are imported; the VEE worker judges the imported days, raises the spike and the gap,
 * fills the gap by linear interpolation (stored as estimated reads, the gap's exception resolved by
 * it); running VEE again for the day changes nothing; an analyst resolves the spike from the queue, the audit trail shows it, an auditor reads
 * the queue but may not change it; administrators change a rule set, refused with a wrong value.
 * A usage point with a service capacity gets a max-demand exception for the half-hour above it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VeeIT {

    private static final LocalDate DAY = LocalDate.of(2013, 5, 30);

    private final Api admin = Api.admin();
    private String meter;
    private String usagePoint;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void aHouseholdWithFourWeeksAndADayToJudge() {
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        meter = "VEE" + run;
        usagePoint = "UP-VEE-" + run;
        String csv = "usage_point_id,commodity,customer_class,time_zone,feeder,meter_serial,installed_from,channels\n"
                + usagePoint + ",ELECTRIC,RESIDENTIAL,Europe/London,VEE-F01," + meter + ",2013-01-01,KWH:30:DELIVERED\n";
        assertEquals(1, admin.postCsv("registry/import?source=it", csv).json().getInt("created"));
        String reads = LclDays.file(meter, DAY.minusDays(28), DAY, DAY, 36, 20);
        JsonObject imported = admin.postCsv("readings/import?format=lcl&source=vee-it", reads).json();
        assertEquals(29 * 48 - 2, imported.getInt("stored"), imported.toString());
    }

    private JsonObject vee() {
        Api.Reply reply = admin.post("usage-points/" + usagePoint + "/vee?from=" + DAY + "&to=" + DAY.plusDays(1), "");
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private List<JsonObject> exceptions() {
        return admin.get("vee/exceptions?usagePoint=" + usagePoint + "&limit=100").json().getJsonArray("items")
                .stream().map(v -> v.asJsonObject()).collect(Collectors.toList());
    }

    /** The exceptions once the VEE worker has judged the imported days (it runs every 10 s). */
    private List<JsonObject> judged() {
        for (int i = 0; i < 60; i++) {
            List<JsonObject> found = exceptions();
            if (found.stream().anyMatch(e -> e.getString("ruleId").equals("spike"))) {
                return found;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("the VEE worker did not judge the imported days within 30 s: " + exceptions());
    }

    @Test
    void theImportedDaysAreJudgedTheGapEstimatedAndARerunChangesNothing() {
        List<JsonObject> raised = judged();
        assertEquals(List.of("missing-intervals", "spike"), raised.stream().map(e -> e.getString("ruleId")).sorted().toList(),
                raised.toString());
        JsonObject gap = raised.stream().filter(e -> e.getString("ruleId").equals("missing-intervals")).findFirst().get();
        assertEquals("RESOLVED", gap.getString("status"));
        assertEquals("estimated by linear-interpolation", gap.getString("note"));
        JsonObject spike = raised.stream().filter(e -> e.getString("ruleId").equals("spike")).findFirst().get();
        assertEquals("OPEN", spike.getString("status"));
        assertEquals("VEE-F01", spike.getString("feeder"));
        assertEquals(DAY.toString(), spike.getString("localDay"));

        long channel = admin.get("usage-points/" + usagePoint).json().getJsonArray("channels").getJsonObject(0)
                .getJsonNumber("id").longValue();
        JsonArray day = admin.get("usage-points/" + usagePoint + "/channels/" + channel
                + "/reads?from=2013-05-29T23:00:00Z&to=2013-05-30T23:00:00Z").json().getJsonArray("reads");
        assertEquals(48, day.size());
        List<JsonObject> estimated = day.stream().map(r -> r.asJsonObject())
                .filter(r -> r.getString("source").equals("ESTIMATED")).toList();
        assertEquals(2, estimated.size());
        assertTrue(estimated.stream().allMatch(r -> r.getString("estimationMethod").equals("linear-interpolation")),
                estimated.toString());
        assertTrue(estimated.stream().allMatch(r -> r.getInt("quality") == 256), estimated.toString());

        JsonObject again = vee();
        assertEquals(0, again.getInt("raised"), again.toString());
        assertEquals(0, again.getInt("estimated"));
        assertEquals(raised.size(), exceptions().size());
    }

    @Test
    void anAnalystResolvesFromTheQueueAnAuditorOnlyReads() {
        vee();
        JsonObject spike = judged().stream().filter(e -> e.getString("ruleId").equals("spike")).findFirst().get();
        long id = spike.getJsonNumber("id").longValue();
        String analyst = "vee" + meter.toLowerCase(Locale.ROOT);
        String auditor = "aud" + meter.toLowerCase(Locale.ROOT);
        admin.post("users", "{\"username\":\"" + analyst + "\",\"password\":\"secret-123\",\"roles\":[\"analyst\"]}");
        admin.post("users", "{\"username\":\"" + auditor + "\",\"password\":\"secret-123\",\"roles\":[\"auditor\"]}");

        Api.Reply resolved = Api.as(analyst, "secret-123").post("vee/exceptions/" + id + "/resolve",
                "{\"note\":\"kettle and oven: accepted as is\"}");
        assertEquals(200, resolved.status(), resolved.body());
        JsonObject after = exceptions().stream().filter(e -> e.getJsonNumber("id").longValue() == id).findFirst().get();
        assertEquals("RESOLVED", after.getString("status"));
        assertEquals(analyst, after.getString("updatedBy"));

        JsonArray audit = admin.get("audit?subjectType=vee-exception&subjectKey=" + id).json().getJsonArray("items");
        assertEquals("vee-exception.resolve", audit.getJsonObject(0).getString("action"), audit.toString());
        assertEquals(analyst, audit.getJsonObject(0).getString("actor"));

        Api auditorApi = Api.as(auditor, "secret-123");
        assertEquals(200, auditorApi.get("vee/exceptions?usagePoint=" + usagePoint).status());
        assertEquals(403, auditorApi.post("vee/exceptions/" + id + "/acknowledge", "{}").status());
        assertEquals(403, auditorApi.post("usage-points/" + usagePoint + "/vee?from=" + DAY + "&to=" + DAY.plusDays(1), "").status());
        assertEquals(400, Api.as(analyst, "secret-123").post("vee/exceptions/" + id + "/resolve", "{}").status(),
                "resolving needs a note");
    }

    @Test
    void anAnalystEditsTheSpikeWithAReasonTheOldValueStaysInTheHistoryAndTheAuditShowsIt() {
        JsonObject spike = judged().stream().filter(e -> e.getString("ruleId").equals("spike")).findFirst().get();
        long id = spike.getJsonNumber("id").longValue();
        long channel = spike.getJsonNumber("channelId").longValue();
        String end = spike.getString("firstEnd");
        String edits = "usage-points/" + usagePoint + "/channels/" + channel + "/edits";

        assertEquals(400, admin.post(edits, "{\"values\":[{\"intervalEnd\":\"" + end + "\",\"value\":0.3}]}").status(),
                "an edit needs a reason");
        assertEquals(400, admin.post(edits, "{\"values\":[{\"intervalEnd\":\"" + end + "\",\"value\":0.3}],"
                + "\"reason\":\"OTHER\"}").status(), "OTHER needs a comment");
        String elsewhere = java.time.Instant.parse(end).minusSeconds(7200).toString();
        assertEquals(200, admin.post(edits, "{\"values\":[{\"intervalEnd\":\"" + elsewhere + "\",\"value\":0.25}],"
                + "\"reason\":\"CUSTOMER_OR_FIELD_READ\",\"exceptionId\":" + id + "}").status());
        assertEquals("OPEN", exceptions().stream().filter(e -> e.getJsonNumber("id").longValue() == id).findFirst()
                .get().getString("status"), "an edit of other intervals leaves the exception open");
        Api.Reply edited = admin.post(edits, "{\"values\":[{\"intervalEnd\":\"" + end + "\",\"value\":0.3}],"
                + "\"reason\":\"METER_FAULT\",\"comment\":\"register glitch\",\"exceptionId\":" + id + "}");

        assertEquals(200, edited.status(), edited.body());
        assertEquals(1, edited.json().getInt("changed"));
        JsonObject answered = exceptions().stream().filter(e -> e.getJsonNumber("id").longValue() == id).findFirst().get();
        assertEquals("RESOLVED", answered.getString("status"));
        assertEquals("edited (METER_FAULT: register glitch)", answered.getString("note"));
        JsonArray history = (JsonArray) admin.get("usage-points/" + usagePoint + "/channels/" + channel + "/reads/" + end
                + "/history").parse();
        assertEquals("6", history.getJsonObject(0).getJsonNumber("value").bigDecimalValue().stripTrailingZeros()
                .toPlainString(), history.toString());
        JsonArray audit = admin.get("audit?subjectType=channel&subjectKey=" + usagePoint + "/" + channel).json()
                .getJsonArray("items");
        assertEquals("reading.edit", audit.getJsonObject(0).getString("action"));
        assertTrue(audit.getJsonObject(0).toString().contains("METER_FAULT"), audit.toString());

        // The two half-hours after the spike, redrawn as a straight line between their neighbours.
        String next = java.time.Instant.parse(end).plusSeconds(1800).toString();
        String after = java.time.Instant.parse(end).plusSeconds(3600).toString();
        Api.Reply line = admin.post(edits + "/interpolation", "{\"firstEnd\":\"" + next + "\",\"lastEnd\":\""
                + after + "\",\"reason\":\"ESTIMATE_CORRECTION\"}");
        assertEquals(200, line.status(), line.body());
        assertEquals(2, line.json().getInt("changed"));
    }

    @Test
    void administratorsChangeARuleSetWithCheckedParameters() {
        JsonObject set = admin.get("vee/rule-sets/electric-residential").json();
        long version = set.getJsonNumber("version").longValue();

        Api.Reply wrong = admin.put("vee/rule-sets/electric-residential/rules/spike",
                "{\"enabled\":true,\"parameters\":{\"factor\":\"lots\"},\"version\":" + version + "}", null);
        assertEquals(400, wrong.status(), wrong.body());
        Api.Reply changed = admin.put("vee/rule-sets/electric-residential/rules/spike",
                "{\"enabled\":true,\"parameters\":{\"factor\":\"6\"},\"version\":" + version + "}", null);
        assertEquals(200, changed.status(), changed.body());
        JsonObject spike = changed.json().getJsonArray("rules").stream().map(r -> r.asJsonObject())
                .filter(r -> r.getString("id").equals("spike")).findFirst().get();
        assertTrue(spike.getJsonArray("parameters").stream().map(p -> p.asJsonObject())
                .anyMatch(p -> p.getString("name").equals("factor") && p.getString("value").equals("6")), spike.toString());
        assertEquals(409, admin.put("vee/rule-sets/electric-residential/rules/spike",
                "{\"enabled\":true,\"parameters\":{},\"version\":" + version + "}", null).status(), "stale version");
        // back to the defaults, so that the other tests see the built-in rule set
        admin.put("vee/rule-sets/electric-residential/rules/spike",
                "{\"enabled\":true,\"parameters\":{},\"version\":" + (version + 1) + "}", null);
    }

    @Test
    void demandAboveTheServiceCapacityIsRaisedAsMaxDemandAndACapacityChangeIsAudited() {
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String serial = "CAP" + run;
        String code = "UP-CAP-" + run;
        String header = "usage_point_id,commodity,customer_class,time_zone,service_capacity_kw,meter_serial,"
                + "installed_from,channels\n";
        assertEquals(1, admin.postCsv("registry/import?source=it", header + code + ",ELECTRIC,RESIDENTIAL,"
                + "Europe/London,2," + serial + ",2013-01-01,KWH:30:DELIVERED\n").json().getInt("created"));
        assertEquals(0, new BigDecimal("2").compareTo(admin.get("usage-points/" + code).json()
                .getJsonNumber("serviceCapacityKw").bigDecimalValue()));
        // One winter day (London on GMT, so the file's labels are local times): 0.3 kWh a half-hour,
        // and 1.5 kWh from 18:00, an average of 3 kW over the half-hour where the service carries 2 kW.
        StringBuilder reads = new StringBuilder("LCLid,tstp,energy(kWh/hh)\n");
        for (int i = 0; i < 48; i++) {
            reads.append(String.format(Locale.ROOT, "%s,2013-02-13 %02d:%02d:00,%s%n", serial, i / 2, 30 * (i % 2),
                    i == 36 ? "1.500" : "0.300"));
        }
        JsonObject imported = admin.postCsv("readings/import?format=lcl&source=vee-it-capacity", reads.toString()).json();
        assertEquals(48, imported.getInt("stored"), imported.toString());

        List<JsonObject> maxDemand = awaitRule(code, "max-demand");
        assertEquals(1, maxDemand.size(), maxDemand.toString());
        JsonObject raised = maxDemand.get(0);
        assertEquals("2013-02-13T18:30:00Z", raised.getString("firstEnd"));
        assertEquals("2013-02-13T18:30:00Z", raised.getString("lastEnd"));
        assertEquals(0, new BigDecimal("3").compareTo(raised.getJsonNumber("foundValue").bigDecimalValue()), raised.toString());
        assertEquals(0, new BigDecimal("2").compareTo(raised.getJsonNumber("limitValue").bigDecimalValue()), raised.toString());
        assertEquals("WARNING", raised.getString("severity"));

        assertEquals(1, admin.postCsv("registry/import?source=it", header + code + ",ELECTRIC,RESIDENTIAL,"
                + "Europe/London,2.5," + serial + ",,KWH:30:DELIVERED\n").json().getInt("updated"));
        JsonObject update = admin.get("audit?subjectType=USAGE_POINT&subjectKey=" + code).json().getJsonArray("items")
                .stream().map(v -> v.asJsonObject()).filter(e -> e.getString("action").equals("UPDATE")).findFirst()
                .orElseThrow();
        assertEquals(0, new BigDecimal("2").compareTo(capacityIn(update.getString("before"))), update.toString());
        assertEquals(0, new BigDecimal("2.5").compareTo(capacityIn(update.getString("after"))), update.toString());
    }

    private static BigDecimal capacityIn(String auditState) {
        return Json.createReader(new StringReader(auditState)).readObject().getJsonNumber("serviceCapacityKw")
                .bigDecimalValue();
    }

    /** The exceptions of one rule at a usage point, once the VEE worker has raised at least one (it runs every 10 s). */
    private List<JsonObject> awaitRule(String code, String ruleId) {
        for (int i = 0; i < 90; i++) {
            List<JsonObject> found = admin.get("vee/exceptions?usagePoint=" + code + "&limit=100").json()
                    .getJsonArray("items").stream().map(v -> v.asJsonObject())
                    .filter(e -> e.getString("ruleId").equals(ruleId)).toList();
            if (!found.isEmpty()) {
                return found;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("no " + ruleId + " exception at " + code + " within 45 s");
    }
}
