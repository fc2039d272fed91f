package org.openmdms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
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
 * The meter registry through its REST API on a managed WildFly: the boundary's rules, its role checks
 * (an analyst reads but cannot change the registry), the CSV import and the audit trail. Each test
 * makes its own meters and users with a unique suffix, so tests share nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistryApiIT {

    private final Api admin = Api.admin();
    private String run;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void uniqueNames() {
        run = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    @Test
    void adminInstallsAndExchangesAMeterAndTheHistoryShowsBoth() {
        String up = "UP-" + run;
        createUsagePoint(up, "F-" + run);
        assertEquals(201, admin.post("usage-points/" + up + "/channels",
                "{\"unit\":\"KWH\",\"intervalMinutes\":30,\"flowDirection\":\"DELIVERED\"}").status());
        createMeter("A" + run);
        createMeter("B" + run);

        Api.Reply installed = admin.post("usage-points/" + up + "/installation",
                "{\"meterSerialNumber\":\"A" + run + "\",\"at\":\"2013-01-01T00:00:00Z\"}");
        assertEquals(200, installed.status(), installed.body());
        Api.Reply exchanged = admin.post("usage-points/" + up + "/exchange",
                "{\"meterSerialNumber\":\"B" + run + "\",\"at\":\"2013-06-01T09:30:00Z\"}");
        assertEquals(200, exchanged.status(), exchanged.body());

        JsonObject usagePoint = admin.get("usage-points/" + up).json();
        JsonArray history = usagePoint.getJsonArray("installations");
        assertEquals(2, history.size());
        assertEquals("A" + run, history.getJsonObject(0).getString("meterSerialNumber"));
        assertEquals("2013-06-01T09:30:00Z", history.getJsonObject(0).getString("installedTo"));
        assertEquals("2013-06-01T09:30:00Z", history.getJsonObject(1).getString("installedFrom"));
        assertEquals(1, usagePoint.getJsonArray("channels").size());
        assertEquals("REMOVED", admin.get("meters/A" + run).json().getString("status"));
        JsonObject meterB = admin.get("meters/B" + run).json();
        assertEquals("INSTALLED", meterB.getString("status"));
        assertEquals(up, meterB.getJsonObject("usagePoint").getString("code"));
    }

    @Test
    void overlappingInstallationsAreRefusedWithTheReason() {
        String up = "UP-" + run;
        createUsagePoint(up, "F-" + run);
        createMeter("A" + run);
        createMeter("B" + run);
        admin.post("usage-points/" + up + "/installation",
                "{\"meterSerialNumber\":\"A" + run + "\",\"at\":\"2013-01-01T00:00:00Z\"}");

        Api.Reply second = admin.post("usage-points/" + up + "/installation",
                "{\"meterSerialNumber\":\"B" + run + "\",\"at\":\"2013-03-01T00:00:00Z\"}");

        assertEquals(409, second.status());
        assertTrue(second.json().getString("message").contains("already has meter A" + run), second.body());
        assertEquals("IN_STOCK", admin.get("meters/B" + run).json().getString("status"));
    }

    @Test
    void searchFiltersSortsAndPages() {
        String feeder = "F-" + run;
        for (int i = 1; i <= 5; i++) {
            String up = "UP-" + run + "-" + i;
            createUsagePoint(up, feeder);
            createMeter("S" + i + run);
            admin.post("usage-points/" + up + "/installation",
                    "{\"meterSerialNumber\":\"S" + i + run + "\",\"at\":\"2013-01-01T00:00:00Z\"}");
        }

        JsonObject page = admin.get("meters?feeder=" + feeder + "&sort=usagePoint&order=desc&offset=1&limit=2").json();

        assertEquals(5, page.getInt("total"));
        assertEquals(2, page.getJsonArray("items").size());
        assertEquals("UP-" + run + "-4", page.getJsonArray("items").getJsonObject(0).getString("usagePoint"));
        assertEquals(1, admin.get("usage-points?code=up-" + run + "-3").json().getInt("total"));
    }

    @Test
    void analystReadsButCannotChangeTheRegistryAndAuditorSeesTheAuditTrail() {
        createUser("ana" + run.toLowerCase(Locale.ROOT), "analyst");
        createUser("aud" + run.toLowerCase(Locale.ROOT), "auditor");
        Api analyst = Api.as("ana" + run.toLowerCase(Locale.ROOT), "secret-" + run);
        Api auditor = Api.as("aud" + run.toLowerCase(Locale.ROOT), "secret-" + run);
        createMeter("R" + run);

        assertEquals(200, analyst.get("meters/R" + run).status());
        Api.Reply refused = analyst.post("meters", meterJson("X" + run));
        assertEquals(403, refused.status(), refused.body());
        assertEquals(404, admin.get("meters/X" + run).status());
        assertEquals(403, analyst.put("meters/R" + run, meterJson("R" + run), null).status());
        assertEquals(403, analyst.get("users").status());
        assertEquals(403, analyst.get("audit").status());
        assertEquals(403, auditor.post("meters", meterJson("Y" + run)).status());

        JsonObject trail = auditor.get("audit?subjectType=METER&subjectKey=R" + run).json();
        assertEquals(1, trail.getInt("total"));
        JsonObject entry = trail.getJsonArray("items").getJsonObject(0);
        assertEquals("admin", entry.getString("actor"));
        assertEquals("CREATE", entry.getString("action"));
        assertTrue(entry.getString("after").contains("\"serialNumber\":\"R" + run + "\""), entry.toString());
    }

    @Test
    void updatesAreAuditedAndStaleVersionsRefused() {
        createMeter("V" + run);
        long version = admin.get("meters/V" + run).json().getJsonNumber("version").longValue();
        String changed = meterJson("V" + run).replace("\"model\":\"E470\"", "\"model\":\"E570\"");

        assertEquals(200, admin.put("meters/V" + run, changed, "\"" + version + "\"").status());
        Api.Reply stale = admin.put("meters/V" + run, changed.replace("E570", "E670"), "\"" + version + "\"");

        assertEquals(409, stale.status(), stale.body());
        assertEquals("E570", admin.get("meters/V" + run).json().getString("model"));
        JsonObject update = admin.get("audit?subjectType=METER&subjectKey=V" + run).json()
                .getJsonArray("items").getJsonObject(0);
        assertEquals("UPDATE", update.getString("action"));
        assertTrue(update.getString("before").contains("E470") && update.getString("after").contains("E570"));
    }

    @Test
    void invalidInputGetsFieldMessages() {
        Api.Reply blank = admin.post("meters", "{\"serialNumber\":\" \",\"commodity\":\"ELECTRIC\",\"multiplier\":-1}");

        assertEquals(400, blank.status(), blank.body());
        assertEquals(2, blank.json().getJsonArray("violations").size(), blank.body());
        assertEquals(404, admin.get("usage-points/NOPE-" + run).status());
    }

    @Test
    void registryFileLoadsGoodRowsAndRejectsBadOnesWithLineAndReason() {
        String csv = "usage_point_id,commodity,customer_class,time_zone,account_id,feeder,meter_serial,installed_from,channels\n"
                + "CSV-" + run + "-1,E,RESIDENTIAL,Europe/London,ACC-1,F-" + run + ",C1" + run + ",2013-01-01,KWH:30:DELIVERED\n"
                + "CSV-" + run + "-2,E,RESIDENTIAL,Mars/Olympus,ACC-2,F-" + run + ",C2" + run + ",2013-01-01,KWH:30:DELIVERED\n"
                + "CSV-" + run + "-3,G,COMMERCIAL,Europe/London,ACC-3,F-" + run + ",C3" + run + ",2013-01-01,M3:60:DELIVERED\n"
                + "CSV-" + run + "-4,E,RESIDENTIAL,Europe/London,ACC-4,F-" + run + ",C1" + run + ",2013-02-01,KWH:30:DELIVERED\n";

        JsonObject result = admin.postCsv("registry/import?source=it-" + run, csv).json();

        assertEquals(4, result.getInt("received"));
        assertEquals(2, result.getInt("created"));
        assertEquals(2, result.getInt("rejected"));
        JsonArray errors = result.getJsonArray("errors");
        assertEquals(3, errors.getJsonObject(0).getInt("line"));
        assertTrue(errors.getJsonObject(0).getString("reason").contains("Mars/Olympus"));
        assertEquals(5, errors.getJsonObject(1).getInt("line"));
        assertTrue(errors.getJsonObject(1).getString("reason").contains("already installed"), errors.toString());
        assertEquals("C3" + run, admin.get("usage-points/CSV-" + run + "-3").json()
                .getJsonArray("installations").getJsonObject(0).getString("meterSerialNumber"));

        JsonObject again = admin.postCsv("registry/import?source=it-" + run, csv).json();
        assertEquals(2, again.getInt("unchanged"), again.toString());
        assertEquals(2, again.getInt("rejected"));
    }

    @Test
    void disabledUsersCannotSignIn() {
        String name = "dis" + run.toLowerCase(Locale.ROOT);
        createUser(name, "analyst");
        Api user = Api.as(name, "secret-" + run);
        assertEquals(200, user.get("meters?limit=1").status());

        assertEquals(200, admin.post("users/" + name + "/enabled", "{\"enabled\":false}").status());

        assertNotEquals(200, user.get("meters?limit=1").status());
        assertNotEquals(200, Api.anonymous().get("meters?limit=1").status());
        assertNotEquals(200, Api.as(Deployments.ADMIN, "wrong-password").get("meters?limit=1").status());
        assertEquals("DISABLE", admin.get("audit?subjectType=USER&subjectKey=" + name).json()
                .getJsonArray("items").getJsonObject(0).getString("action"));
    }

    private void createUsagePoint(String code, String feeder) {
        Api.Reply reply = admin.post("usage-points", "{\"code\":\"" + code + "\",\"commodity\":\"ELECTRIC\","
                + "\"customerClass\":\"RESIDENTIAL\",\"timeZone\":\"Europe/London\",\"accountId\":\"ACC-" + code
                + "\",\"feeder\":\"" + feeder + "\",\"transformer\":\"" + feeder + "-T1\","
                + "\"latitude\":51.5,\"longitude\":-0.12}");
        assertEquals(201, reply.status(), reply.body());
    }

    private void createMeter(String serial) {
        Api.Reply reply = admin.post("meters", meterJson(serial));
        assertEquals(201, reply.status(), reply.body());
    }

    private void createUser(String username, String role) {
        Api.Reply reply = admin.post("users", "{\"username\":\"" + username + "\",\"password\":\"secret-" + run
                + "\",\"fullName\":\"Test " + role + "\",\"roles\":[\"" + role + "\"]}");
        assertEquals(201, reply.status(), reply.body());
    }

    private static String meterJson(String serial) {
        return "{\"serialNumber\":\"" + serial + "\",\"manufacturer\":\"Landis+Gyr\",\"model\":\"E470\","
                + "\"commodity\":\"ELECTRIC\",\"multiplier\":1}";
    }
}
