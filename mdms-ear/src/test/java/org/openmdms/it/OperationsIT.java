package org.openmdms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Health and metrics as docs/operations.md promises them to load balancers and monitoring. */
@ExtendWith(ArquillianExtension.class)
class OperationsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void livenessAndReadinessNeedNoCredentialsAndCheckTheDatabaseBrokerAndScheduler() {
        Api anonymous = Api.anonymous();
        Api.Reply live = anonymous.get("health/live");
        assertEquals(200, live.status(), live.body());
        assertEquals("UP", live.json().getString("status"));

        Api.Reply ready = anonymous.get("health/ready");
        assertEquals(200, ready.status(), ready.body());
        JsonObject checks = ready.json().getJsonObject("checks");
        for (String check : new String[] {"database", "messaging", "scheduler"}) {
            assertTrue(checks.getJsonObject(check).getBoolean("up"), ready.body());
        }
        assertEquals("UP", ready.json().getString("status"));
    }

    @Test
    void metricsCountImportsRecordsExceptionsJobsAndOutages() throws Exception {
        assertEquals(401, Api.anonymous().get("metrics").status(), "metrics need a user");
        String meter = "OPS" + System.nanoTime();
        String csv = "usage_point_id,commodity,customer_class,time_zone,meter_serial,installed_from,channels\n"
                + "UP-" + meter + ",E,RESIDENTIAL,Europe/London," + meter + ",2012-12-01,KWH:30:DELIVERED\n";
        Api admin = Api.admin();
        assertEquals(200, admin.postCsv("registry/import?source=it", csv).status());
        // One read stored, one refused (a unit the channel does not have).
        Api.Reply batch = admin.postJson("readings/batch", "{\"source\":\"ops-it\",\"reads\":[{\"meterId\":\"" + meter
                + "\",\"unit\":\"KWH\",\"intervalMinutes\":30,\"intervalEnd\":\"2013-08-01T00:30:00Z\",\"value\":1},"
                + "{\"meterId\":\"" + meter + "\",\"unit\":\"LITRES\",\"intervalMinutes\":30,"
                + "\"intervalEnd\":\"2013-08-01T01:00:00Z\",\"value\":1}]}", "ops-" + meter);
        assertEquals(200, batch.status(), batch.body());
        assertEquals(1, batch.json().getInt("rejected"), batch.body());

        JsonObject figures = admin.get("metrics").json();
        assertTrue(figures.getJsonNumber("mdms_imports{status=\"COMPLETED\"}").longValue() >= 1, figures.toString());
        assertTrue(figures.getJsonNumber("mdms_records_rejected_total").longValue() >= 1, figures.toString());
        for (String name : new String[] {"mdms_records_received_total", "mdms_vee_pending_channel_days",
            "mdms_vee_exceptions_open{severity=\"ERROR\"}", "mdms_job_runs_24h{status=\"FAILED\"}",
            "mdms_outages_active", "mdms_power_events_queued", "mdms_dead_letters",
            "mdms_import_last_finished_age_seconds"}) {
            assertTrue(figures.containsKey(name), name + " in " + figures);
        }

        HttpResponse<String> text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(Deployments.BASE_URL + "/api/metrics")).header("Accept", "text/plain")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (Deployments.ADMIN + ":" + Deployments.ADMIN_PASSWORD).getBytes()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, text.statusCode());
        assertTrue(text.body().contains("# TYPE mdms_records_received_total counter\n"), text.body());
        assertTrue(text.body().contains("mdms_imports{status=\"COMPLETED\"} "), text.body());
    }
}
