package org.openmdms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openmdms.it.Awaits.await;

import com.sun.net.httpserver.HttpServer;
import jakarta.jms.JMSConsumer;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Outage detection end to end: last gasps pushed by a head-end on the JMS event queue open a
 * transformer outage, which is published on the topic {@code mdms.outages} and POSTed to the
 * configured webhook; power restores sent through the REST API restore it partially, then fully;
 * a momentary interruption opens nothing; repeats change nothing; an operator closes an outage whose
 * meters never report back.
 */
@ExtendWith(ArquillianExtension.class)
class OutageIT {

    private static final String EVENTS = "mdms.events";

    private final Api admin = Api.admin();
    private final BlockingQueue<String> webhook = new LinkedBlockingQueue<>();
    private HttpServer oms;
    private String run;
    private String feeder;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    /**
     * Feeder OF-run: transformer T1 serves usage points 1–4, T2 serves 5–6 (all electric); a webhook
     * receiver stands in for the outage management system.
     */
    @BeforeEach
    void aFeederAndAnOms() throws Exception {
        run = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        feeder = "OF-" + run;
        StringBuilder csv = new StringBuilder("usage_point_id,commodity,customer_class,time_zone,feeder,transformer,"
                + "latitude,longitude,meter_serial,installed_from,channels\n");
        for (int i = 1; i <= 6; i++) {
            csv.append(usagePoint(i)).append(",E,RESIDENTIAL,Europe/London,").append(feeder).append(',')
                    .append(i <= 4 ? "T1" : "T2").append(",51.5").append(i).append(",-0.1").append(i).append(',')
                    .append(meter(i)).append(",2012-12-01,KWH:30:DELIVERED\n");
        }
        assertEquals(6, admin.postCsv("registry/import?source=it", csv.toString()).json().getInt("created"));
        oms = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        oms.createContext("/oms", exchange -> {
            webhook.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        oms.start();
        policy(0.5, 2, 0.9, 10, 300, 30, "http://127.0.0.1:" + oms.getAddress().getPort() + "/oms");
    }

    @AfterEach
    void defaultPolicy() {
        policy(0.5, 2, 0.3, 10, 300, 60, null);
        oms.stop(0);
    }

    private void policy(double transformerShare, int transformerMin, double feederShare, int feederMin, int window,
            int momentary, String webhookUrl) {
        String body = String.format(Locale.ROOT, "{\"transformerShare\":%s,\"transformerMinMeters\":%d,"
                + "\"feederShare\":%s,\"feederMinMeters\":%d,\"windowSeconds\":%d,\"momentarySeconds\":%d%s}",
                transformerShare, transformerMin, feederShare, feederMin, window, momentary,
                webhookUrl == null ? "" : ",\"webhookUrl\":\"" + webhookUrl + "\"");
        Api.Reply reply = admin.put("outage-policy", body, null);
        assertEquals(200, reply.status(), reply.body());
    }

    private String usagePoint(int i) {
        return "UP-OUT-" + run + "-" + i;
    }

    private String meter(int i) {
        return "OUTM" + run + i;
    }

    private String events(String... events) {
        return "{\"source\":\"HES-OUT-" + run + "\",\"events\":[" + String.join(",", events) + "]}";
    }

    private String event(int i, String type, Instant at) {
        return "{\"meterId\":\"" + meter(i) + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + at + "\"}";
    }

    @Test
    void lastGaspsOnTheQueueOpenAPublishedOutageThatRestoresThroughTheApi() throws Exception {
        Instant gasp = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
        try (HeadEnd headEnd = HeadEnd.connect(Deployments.ADMIN, Deployments.ADMIN_PASSWORD)) {
            JMSConsumer topic = headEnd.subscribe("mdms.outages");
            headEnd.sendText(EVENTS, events(event(1, "LAST_GASP", gasp), event(2, "LAST_GASP", gasp.plusSeconds(1)),
                    event(3, "LAST_GASP", gasp.plusSeconds(2)),
                    // Usage point 4 is back within the momentary time (30 s): recorded, never counted.
                    event(4, "LAST_GASP", gasp), event(4, "POWER_RESTORE", gasp.plusSeconds(10)),
                    // Alone on T2 (1 of 2 is half, but the policy wants 2 meters): no outage there.
                    event(5, "LAST_GASP", gasp)), "out-" + run);

            JsonObject opened = await(() -> activeOn(feeder, "T1"), "the transformer outage to open");
            assertEquals("TRANSFORMER", opened.getString("level"));
            assertEquals("OPEN", opened.getString("state"));
            assertEquals(4, opened.getInt("served"));
            assertEquals(3, opened.getInt("out"));
            assertEquals(3, opened.getInt("affected"));
            assertEquals(gasp.toString(), opened.getString("startedAt"));
            assertEquals(null, activeOn(feeder, "T2"), "one meter out of two does not reach the minimum of 2");
            long id = opened.getJsonNumber("id").longValue();

            JsonObject published = notice(topic, "outage.opened");
            assertEquals(id, published.getJsonNumber("outageId").longValue());
            assertEquals(3, published.getInt("metersOut"));
            assertEquals(feeder, published.getString("feeder"));
            assertEquals("T1", published.getString("transformer"));
            JsonObject posted = parse(webhook.poll(30, TimeUnit.SECONDS));
            assertEquals("outage.opened", posted.getString("event"));
            assertEquals(id, posted.getJsonNumber("outageId").longValue());

            JsonArray gasps = admin.get("feeders/" + feeder + "/last-gasps?minutes=15").parse().asJsonArray();
            assertEquals(5, gasps.size(), gasps.toString());
            JsonArray out = admin.get("feeders/" + feeder + "/transformers/T1/out").parse().asJsonArray();
            assertEquals(List.of(usagePoint(1), usagePoint(2), usagePoint(3)), codes(out));

            Api.Reply restore = admin.postJson("readings/batch", events(event(1, "POWER_RESTORE", gasp.plusSeconds(90))),
                    "back-1-" + run);
            assertEquals(200, restore.status(), restore.body());
            JsonObject partial = await(() -> stateOf(id, "PARTIALLY_RESTORED"), "a partial restoration");
            assertEquals(2, partial.getJsonObject("outage").getInt("out"));
            assertEquals("outage.updated", notice(topic, "outage.updated").getString("event"));

            admin.postJson("readings/batch", events(event(2, "POWER_RESTORE", gasp.plusSeconds(95)),
                    event(3, "POWER_RESTORE", gasp.plusSeconds(100))), "back-23-" + run);
            JsonObject restored = await(() -> stateOf(id, "RESTORED"), "the full restoration");
            assertEquals(gasp.plusSeconds(100).toString(), restored.getJsonObject("outage").getString("restoredAt"));
            assertEquals(0, restored.getJsonObject("outage").getInt("out"));
            assertEquals(3, restored.getJsonArray("meters").size());
            JsonObject last = notice(topic, "outage.restored");
            assertEquals(3, last.getInt("version"));

            JsonObject delivered = await(() -> {
                JsonObject detail = admin.get("outages/" + id).json();
                return detail.getJsonArray("notices").stream().allMatch(n -> "DELIVERED".equals(
                        n.asJsonObject().getString("webhookStatus")) && n.asJsonObject().containsKey("topicAt"))
                        ? detail : null;
            }, "every notice delivered to the topic and the webhook");
            assertEquals(3, delivered.getJsonArray("notices").size());

            // The same last gasps again (another message): repeats of applied events change nothing.
            headEnd.sendText(EVENTS, events(event(1, "LAST_GASP", gasp), event(2, "LAST_GASP", gasp.plusSeconds(1)),
                    event(3, "LAST_GASP", gasp.plusSeconds(2))), "out-again-" + run);
            Thread.sleep(8000);
            assertEquals(null, activeOn(feeder, "T1"), "repeated events must not reopen the outage");
        }
        JsonObject history = admin.get("outages?state=all&limit=100").parse().asJsonArray().stream()
                .map(v -> v.asJsonObject()).filter(o -> feeder.equals(o.getString("feeder"))).findFirst().orElseThrow();
        assertEquals("RESTORED", history.getString("state"));
        assertTrue(admin.get("audit?subjectType=outage-policy&limit=5").json().getJsonArray("items").size() > 0);
    }

    @Test
    void anOperatorClosesAnOutageWhoseMetersNeverReportBack() {
        Instant gasp = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(300);
        Api.Reply sent = admin.postJson("readings/batch", events(event(5, "LAST_GASP", gasp),
                event(6, "LAST_GASP", gasp.plusSeconds(3))), "t2-" + run);
        assertEquals(200, sent.status(), sent.body());
        JsonObject outage = await(() -> activeOn(feeder, "T2"), "the T2 outage to open");
        long id = outage.getJsonNumber("id").longValue();

        String analyst = "out-analyst-" + run.toLowerCase(Locale.ROOT);
        admin.post("users", "{\"username\":\"" + analyst + "\",\"password\":\"secret-123\",\"roles\":[\"analyst\"]}");
        Api asAnalyst = Api.as(analyst, "secret-123");
        assertEquals(403, asAnalyst.put("outage-policy", "{\"transformerShare\":0.1,"
                + "\"transformerMinMeters\":1,\"feederShare\":0.1,\"feederMinMeters\":1,\"windowSeconds\":60,"
                + "\"momentarySeconds\":0}", null).status(), "only administrators change the policy");
        Api.Reply closed = asAnalyst.post("outages/" + id + "/close", "");
        assertEquals(200, closed.status(), closed.body());
        assertEquals("RESTORED", closed.json().getJsonObject("outage").getString("state"));
        assertEquals(analyst, closed.json().getJsonObject("outage").getString("closedBy"));
        assertEquals(404, asAnalyst.post("outages/" + id + "/close", "").status(), "closed already");
        assertEquals(0, admin.get("feeders/" + feeder + "/transformers/T2/out").parse().asJsonArray().size());
    }

    /**
     * A whole day of zeros is zero consumption to VEE — unless the usage point was out all day: then
     * the intervals are outage, not consumption. Usage point 1 was out (last gasp the evening before,
     * restore the morning after); usage point 2 read the same zeros with power on.
     */
    @Test
    void veeTreatsIntervalsInsideAnInterruptionAsOutageNotAsZeros() throws Exception {
        Instant dayStart = Instant.parse("2013-07-31T23:00:00Z");
        Api.Reply sent = admin.postJson("readings/batch", events(event(1, "LAST_GASP", dayStart.minusSeconds(3600)),
                event(1, "POWER_RESTORE", dayStart.plusSeconds(26 * 3600))), "old-outage-" + run);
        assertEquals(200, sent.status(), sent.body());
        Thread.sleep(6000);
        for (int i : new int[] {1, 2}) {
            List<String> reads = new ArrayList<>();
            for (int k = 1; k <= 48; k++) {
                reads.add("{\"meterId\":\"" + meter(i) + "\",\"unit\":\"KWH\",\"intervalMinutes\":30,\"intervalEnd\":\""
                        + dayStart.plusSeconds(k * 1800L) + "\",\"value\":0}");
            }
            Api.Reply imported = admin.postJson("readings/batch", "{\"source\":\"HES-OUT-" + run + "\",\"reads\":["
                    + String.join(",", reads) + "]}", "zeros-" + i + "-" + run);
            assertEquals(200, imported.status(), imported.body());
            Api.Reply judged = admin.post("usage-points/" + usagePoint(i) + "/vee?from=2013-08-01&to=2013-08-02", "");
            assertEquals(200, judged.status(), judged.body());
        }
        assertEquals(List.of("outage-flag"), openRules(usagePoint(1)));
        assertEquals(List.of("zero-consumption"), openRules(usagePoint(2)));
    }

    private List<String> openRules(String usagePoint) {
        List<String> rules = new ArrayList<>();
        for (var value : admin.get("vee/exceptions?usagePoint=" + usagePoint + "&limit=100").json().getJsonArray("items")) {
            JsonObject exception = value.asJsonObject();
            if (!"RESOLVED".equals(exception.getString("status"))) {
                rules.add(exception.getString("ruleId"));
            }
        }
        return rules.stream().distinct().sorted().toList();
    }

    private JsonObject activeOn(String feeder, String transformer) {
        for (var value : admin.get("outages").parse().asJsonArray()) {
            JsonObject outage = value.asJsonObject();
            if (feeder.equals(outage.getString("feeder")) && outage.containsKey("transformer")
                    && !outage.isNull("transformer") && transformer.equals(outage.getString("transformer"))) {
                return outage;
            }
        }
        return null;
    }

    private JsonObject stateOf(long id, String state) {
        JsonObject detail = admin.get("outages/" + id).json();
        return state.equals(detail.getJsonObject("outage").getString("state")) ? detail : null;
    }

    private static List<String> codes(JsonArray meters) {
        List<String> codes = new ArrayList<>();
        meters.forEach(m -> codes.add(m.asJsonObject().getString("code")));
        return codes;
    }

    /** The next notice of the kind on the topic (others of this outage before it are skipped). */
    private static JsonObject notice(JMSConsumer topic, String event) throws Exception {
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            Message message = topic.receive(Math.max(1, until - System.currentTimeMillis()));
            if (message instanceof TextMessage text) {
                JsonObject json = parse(text.getText());
                if (event.equals(json.getString("event"))) {
                    return json;
                }
            }
        }
        throw new AssertionError("no " + event + " notice on the topic within 30 s");
    }

    private static JsonObject parse(String json) {
        assertNotNull(json, "nothing was POSTed to the webhook within 30 s");
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
