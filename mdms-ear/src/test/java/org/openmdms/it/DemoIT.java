package org.openmdms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one-command demo, as a new user gets it: a server of its own with {@code mdms.demo=true} (a
 * smaller synthetic fleet, the real households whole) loads the demo users, the registry, the
 * households' events and 2013 reads and the fleet's reads, and VEE judges them — checked through the
 * API as the demo administrator. Not an Arquillian test: the demo runs at start-up.
 */
class DemoIT {

    private static final long LCL_READS = 1_674_718;
    private static StandaloneServer server;
    private static Api admin;

    @BeforeAll
    static void start() throws Exception {
        List<String> properties = new ArrayList<>(List.of("-Dmdms.demo=true", "-Dmdms.demo.fleet=200"));
        if ("postgresql".equals(System.getProperty("mdms.it.db"))) {
            properties.add("-Dmdms.db.url=" + CrashDatabase.fresh(System.getProperty("mdms.it.pg.url"), "mdms_test_demo"));
            properties.add("-Dmdms.db.user=postgres");
        }
        server = new StandaloneServer(Path.of("target", "demo-server").toAbsolutePath(), 160, properties);
        server.prepare();
        server.start();
        admin = Api.at(server.baseUrl(), "admin", "admin-demo");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void theDemoLoadsTheHouseholdsTheFleetTheirReadsAndEventsAndVeeJudgesThem() throws Exception {
        JsonObject households = null;
        JsonObject fleet = null;
        for (int i = 0; i < 600 && (households == null || fleet == null); i++) {
            Thread.sleep(1000);
            Api.Reply imports = admin.get("readings/imports?limit=20");
            if (imports.status() != 200) {
                continue;
            }
            for (var item : imports.json().getJsonArray("items")) {
                JsonObject record = item.asJsonObject();
                if (!record.getString("status").equals("RUNNING")) {
                    households = record.getString("source").startsWith("demo/lcl-2013-reads") ? record : households;
                    fleet = record.getString("source").startsWith("demo fleet reads") ? record : fleet;
                }
            }
        }
        assertTrue(households != null && fleet != null, "the demo's reads were not loaded within 10 minutes");
        assertEquals("COMPLETED", households.getString("status"), households.toString());
        assertEquals(LCL_READS, households.getJsonNumber("stored").longValue());
        assertEquals(0, households.getInt("rejected"));
        assertEquals("COMPLETED", fleet.getString("status"), fleet.toString());
        assertTrue(fleet.getInt("stored") > 20_000 && fleet.getInt("rejected") == 0, fleet.toString());

        assertTrue(admin.get("usage-points?limit=1").json().getJsonNumber("total").longValue() >= 300);
        JsonArray events = (JsonArray) admin.get("meters/MAC000002/events?from=2013-01-01T00:00:00Z"
                + "&to=2014-01-01T00:00:00Z").parse().asJsonObject().getJsonArray("events");
        assertTrue(events.size() >= 2, "the households' events: " + events);
        JsonArray counts = null;
        for (int i = 0; i < 120 && (counts == null || counts.isEmpty()); i++) {
            counts = (JsonArray) admin.get("vee/exceptions/summary").parse();
            Thread.sleep(1000);
        }
        assertTrue(counts != null && !counts.isEmpty(), "VEE judged the demo's days and raised exceptions");
        assertEquals(200, Api.at(server.baseUrl(), "analyst", "analyst-demo").get("vee/exceptions?limit=1").status());

        // Today's outages on the fleet: detection grouped the demo's power events into outages.
        JsonArray outages = null;
        for (int i = 0; i < 60; i++) {
            outages = (JsonArray) admin.get("outages?state=all").parse();
            if (outages.stream().anyMatch(o -> !"RESTORED".equals(o.asJsonObject().getString("state")))
                    && outages.stream().anyMatch(o -> "RESTORED".equals(o.asJsonObject().getString("state")))) {
                break;
            }
            Thread.sleep(1000);
        }
        assertTrue(outages.stream().anyMatch(o -> !"RESTORED".equals(o.asJsonObject().getString("state")))
                && outages.stream().anyMatch(o -> "RESTORED".equals(o.asJsonObject().getString("state"))),
                "the demo's outages of today, active and restored: " + outages);
    }
}
