package org.openmdms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
 * The exports over REST on a managed WildFly: real Low Carbon London half-hours across the 2013
 * spring DST day, one of them left out and estimated by VEE (its method in the quality flags) and one
 * edited by an analyst, exported as CMEP and imported again — nothing is stored or changed (the edit
 * comes back refused, as edits are made here) — and downloaded as Green Button XML.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExportIT {

    private final Api admin = Api.admin();
    private String meter;
    private String usagePoint;
    private long channel;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void aLondonHouseholdWithRealReads() throws IOException, InterruptedException {
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        meter = "LCLEX" + run;
        usagePoint = "UP-EX-" + run;
        String csv = "usage_point_id,commodity,customer_class,time_zone,meter_serial,installed_from,channels\n"
                + usagePoint + ",E,RESIDENTIAL,Europe/London," + meter + ",2012-12-01,KWH:30:DELIVERED\n";
        assertEquals(1, admin.postCsv("registry/import?source=it", csv).json().getInt("created"));
        channel = admin.get("usage-points/" + usagePoint).json().getJsonArray("channels").getJsonObject(0)
                .getJsonNumber("id").longValue();
        String lcl;
        try (InputStream in = getClass().getResourceAsStream("/lcl-vee/MAC000026.csv")) {
            // the half-hour starting 10:30 GMT on 30 March left out: VEE estimates it
            lcl = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("LCLid") || l.contains(",2013-03-30 ") || l.contains(",2013-03-31 "))
                    .filter(l -> !l.contains(",2013-03-30 10:30:00"))
                    .map(l -> l.replace("MAC000026", meter)).collect(Collectors.joining("\n", "", "\n"));
        }
        JsonObject imported = admin.postCsv("readings/import?format=lcl&source=export-it", lcl).json();
        assertEquals(95, imported.getInt("stored"), imported.toString()); // GMT rows: 48 + 48 - 1
        awaitEstimate("2013-03-30T11:00:00Z");
        Api.Reply edit = admin.post("usage-points/" + usagePoint + "/channels/" + channel + "/edits",
                "{\"values\":[{\"intervalEnd\":\"2013-03-31T12:00:00Z\",\"value\":0.5}],\"reason\":\"CUSTOMER_OR_FIELD_READ\"}");
        assertEquals(200, edit.status(), edit.body());
    }

    /** Runs VEE over the days (the VEE worker may have judged them already) until the gap is estimated. */
    private void awaitEstimate(String intervalEnd) throws InterruptedException {
        for (int i = 0; i < 30; i++) {
            assertEquals(200, admin.post("usage-points/" + usagePoint + "/vee?from=2013-03-30&to=2013-04-01", "").status());
            JsonArray reads = admin.get("usage-points/" + usagePoint + "/channels/" + channel + "/reads?from="
                    + intervalEnd + "&to=" + Instant.parse(intervalEnd).plusSeconds(1)).json().getJsonArray("reads");
            if (!reads.isEmpty() && "ESTIMATED".equals(reads.getJsonObject(0).getString("source"))) {
                return;
            }
            Thread.sleep(2_000);
        }
        throw new AssertionError("VEE did not estimate the interval ending " + intervalEnd);
    }

    @Test
    void aCmepExportReimportedChangesNothing() {
        Api.Reply export = admin.download("exports/cmep?usagePoints=" + usagePoint + "&from=2013-03-30&to=2013-04-01");
        assertEquals(200, export.status(), export.body());
        assertTrue(export.header("Content-Type").startsWith("text/csv"), export.header("Content-Type"));
        assertEquals("attachment; filename=\"cmep-2013-03-30-2013-04-01.csv\"", export.header("Content-Disposition"));
        // London days 30 and 31 March start at 00:00 GMT and end at 23:00 GMT on the 31st: 48 + 46 half-hours
        int triples = export.body().lines().mapToInt(l -> Integer.parseInt(l.split(",")[13])).sum();
        assertEquals(94, triples, export.body());
        assertTrue(export.body().matches("(?s).*,E[0-9]+,.*"), "a VEE estimate with its method flags: " + export.body());
        assertTrue(export.body().contains(",M,0.5"), export.body());

        JsonObject again = admin.postCsv("readings/import?format=cmep&source=export-it-again", export.body()).json();

        assertEquals("COMPLETED", again.getString("status"), again.toString());
        assertEquals(94, again.getInt("received"), again.toString());
        assertEquals(0, again.getInt("stored"), again.toString());
        assertEquals(93, again.getInt("duplicates"), again.toString());
        assertEquals(1, again.getInt("rejected"), again.toString());
        assertTrue(again.getJsonArray("rejects").getJsonObject(0).getString("reason").contains("edits are not imported"),
                again.toString());
        // the edit is still the current value, version 2, with no version arrived after it
        JsonObject read = admin.get("usage-points/" + usagePoint + "/channels/" + channel
                + "/reads?from=2013-03-31T12:00:00Z&to=2013-03-31T12:00:01Z").json().getJsonArray("reads").getJsonObject(0);
        assertEquals("EDITED", read.getString("source"), read.toString());
        assertEquals(2, read.getInt("version"), read.toString());
        assertEquals(1, admin.get("usage-points/" + usagePoint + "/channels/" + channel
                + "/reads/2013-03-31T12:00:00Z/history").parse().asJsonArray().size());
    }

    @Test
    void theGreenButtonDownloadHoldsBothDaysInOneFeed() {
        Api.Reply feed = admin.download("usage-points/" + usagePoint + "/green-button?from=2013-03-30&to=2013-04-01");

        assertEquals(200, feed.status(), feed.body());
        assertTrue(feed.header("Content-Type").startsWith("application/atom+xml"), feed.header("Content-Type"));
        assertEquals("attachment; filename=\"greenbutton-" + usagePoint + "-2013-03-30-2013-04-01.xml\"",
                feed.header("Content-Disposition"));
        assertEquals(94, feed.body().split("<IntervalReading>", -1).length - 1);
        assertTrue(feed.body().contains("<duration>82800</duration>"), "the 23-hour DST day");
        assertTrue(feed.body().contains("<dstStartRule>3E0E1000</dstStartRule>"));
        assertTrue(feed.body().matches("(?s).*<ReadingQuality><quality>[89]</quality></ReadingQuality>.*"), "the estimate");
        assertTrue(feed.body().contains("<ReadingQuality><quality>7</quality></ReadingQuality>"));
        assertTrue(feed.body().contains("<UsageSummary"));

        assertEquals(404, admin.download("usage-points/NO-SUCH-UP/green-button?from=2013-03-30&to=2013-04-01").status());
        assertEquals(400, admin.download("usage-points/" + usagePoint + "/green-button?from=2013-04-01&to=2013-03-30")
                .status());
    }
}
