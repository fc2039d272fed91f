package org.openmdms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openmdms.it.Awaits.await;

import jakarta.jms.JMSRuntimeException;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * Head-end push over JMS on a managed WildFly, as a remote client would do it: a batch on the
 * readings queue is imported by the listener (bad records rejected, a redelivered key imported
 * once); poison messages land on the dead-letter queue with their reason, where an administrator
 * sees them through the API, sends them back or discards them; a user who is not an administrator
 * may not send.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HeadEndQueueIT {

    private static final String READINGS = "mdms.readings";

    private final Api admin = Api.admin();
    private String meter;
    private String run;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @BeforeEach
    void aHouseholdWithAHalfHourlyChannel() {
        run = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        meter = "HESIT" + run;
        String csv = "usage_point_id,commodity,customer_class,time_zone,meter_serial,installed_from,channels\n"
                + "UP-HES-" + run + ",E,RESIDENTIAL,Europe/London," + meter + ",2012-12-01,KWH:30:DELIVERED\n";
        assertEquals(1, admin.postCsv("registry/import?source=it", csv).json().getInt("created"));
    }

    private String batch(String source, String... values) {
        List<String> reads = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            reads.add("{\"meterId\":\"" + meter + "\",\"unit\":\"KWH\",\"intervalMinutes\":30,\"intervalEnd\":\"2013-08-01T"
                    + String.format(Locale.ROOT, "%02d:%02d", (i + 1) / 2, (i + 1) % 2 * 30) + ":00Z\",\"value\":" + values[i] + "}");
        }
        return "{\"source\":\"" + source + "\",\"reads\":[" + String.join(",", reads) + "]}";
    }

    @Test
    void aBatchOnTheQueueIsImportedAndARedeliveryWithTheSameKeyIsNot() throws Exception {
        String source = "HES-JMS-" + run;
        try (HeadEnd headEnd = HeadEnd.connect(Deployments.ADMIN, Deployments.ADMIN_PASSWORD)) {
            headEnd.sendText(READINGS, "{\"source\":\"" + source + "\",\"reads\":[{\"meterId\":", "jms-" + run);
        }
        JsonObject poisoned = await(() -> deadLetterWithKey("jms-" + run), "the malformed batch to be dead-lettered");
        assertTrue(poisoned.getString("reason").startsWith("malformed JSON reading batch"), poisoned.toString());
        assertEquals("mdms.readings", poisoned.getString("queue"));
        assertEquals(200, admin.delete("readings/dead-letters/" + encode(poisoned.getString("id"))).status());
        assertEquals(null, deadLetterWithKey("jms-" + run));

        String good = batch(source, "0.5", "0.25", "0.125").replace("\"unit\":\"KWH\",\"intervalMinutes\":30,\"intervalEnd\":\"2013-08-01T01:30",
                "\"unit\":\"LITRES\",\"intervalMinutes\":30,\"intervalEnd\":\"2013-08-01T01:30");
        try (HeadEnd headEnd = HeadEnd.connect(Deployments.ADMIN, Deployments.ADMIN_PASSWORD)) {
            headEnd.sendText(READINGS, good, "jms-good-" + run);
            headEnd.sendText(READINGS, good, "jms-good-" + run);
        }

        JsonObject imported = await(() -> importFrom(source), "the batch to be imported");
        assertEquals(3, imported.getInt("received"), imported.toString());
        assertEquals(2, imported.getInt("stored"));
        assertEquals(1, imported.getInt("rejected"));
        assertEquals("system", imported.getString("startedBy"));
        Thread.sleep(2000);
        assertEquals(1, importsFrom(source), "the second delivery of the same key must not be imported again");
    }

    @Test
    void poisonMessagesAreDeadLetteredWithTheReasonAndCanBeSentBack() {
        try (HeadEnd headEnd = HeadEnd.connect(Deployments.ADMIN, Deployments.ADMIN_PASSWORD)) {
            headEnd.sendEmpty(READINGS, "empty-" + run);
            headEnd.sendText(READINGS, "{\"source\":\"HES\",\"reads\":[]}", "no-reads-" + run);
        }

        JsonObject empty = await(() -> deadLetterWithKey("empty-" + run), "the message without a body");
        assertTrue(empty.getString("reason").contains("not a text message"), empty.toString());
        JsonObject noReads = await(() -> deadLetterWithKey("no-reads-" + run), "the batch without reads");
        assertTrue(noReads.getString("reason").startsWith("The batch has no reads"), noReads.toString());

        Api.Reply retried = admin.post("readings/dead-letters/" + encode(noReads.getString("id")) + "/retry", "");
        assertEquals(200, retried.status(), retried.body());
        // Sent back unchanged, it is refused again: a new dead letter with the same key and reason.
        JsonObject again = await(() -> {
            JsonObject letter = deadLetterWithKey("no-reads-" + run);
            return letter != null && !letter.getString("id").equals(noReads.getString("id")) ? letter : null;
        }, "the retried batch to come back");
        assertEquals(noReads.getString("reason"), again.getString("reason"));
        assertEquals(404, admin.post("readings/dead-letters/" + encode(noReads.getString("id")) + "/retry", "").status());
        assertEquals(200, admin.delete("readings/dead-letters/" + encode(again.getString("id"))).status());
        assertEquals(200, admin.delete("readings/dead-letters/" + encode(empty.getString("id"))).status());
        assertTrue(admin.get("audit?subjectType=dead-letter&limit=10").status() == 200);
    }

    @Test
    void onlyAdministratorsMaySendOrSeeDeadLetters() {
        String name = "hes" + run.toLowerCase(Locale.ROOT);
        admin.post("users", "{\"username\":\"" + name + "\",\"password\":\"secret-123\",\"roles\":[\"analyst\"]}");

        assertThrows(JMSRuntimeException.class, () -> {
            try (HeadEnd headEnd = HeadEnd.connect(name, "secret-123")) {
                headEnd.sendText(READINGS, batch("HES-DENIED-" + run, "1"), "denied-" + run);
            }
        });
        assertThrows(JMSRuntimeException.class, () -> HeadEnd.connect(Deployments.ADMIN, "wrong").close());
        assertEquals(403, Api.as(name, "secret-123").get("readings/dead-letters").status());
    }

    private JsonObject deadLetterWithKey(String key) {
        for (var item : ((jakarta.json.JsonArray) admin.get("readings/dead-letters?max=1000").parse())) {
            JsonObject letter = item.asJsonObject();
            if (key.equals(letter.getString("idempotencyKey", null))) {
                return letter;
            }
        }
        return null;
    }

    private JsonObject importFrom(String source) {
        for (var item : admin.get("readings/imports?limit=100").json().getJsonArray("items")) {
            JsonObject record = item.asJsonObject();
            if (record.getString("source").equals(source) && !record.getString("status").equals("RUNNING")) {
                return record;
            }
        }
        return null;
    }

    private int importsFrom(String source) {
        int count = 0;
        for (var item : admin.get("readings/imports?limit=100").json().getJsonArray("items")) {
            count += item.asJsonObject().getString("source").equals(source) ? 1 : 0;
        }
        return count;
    }


    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
