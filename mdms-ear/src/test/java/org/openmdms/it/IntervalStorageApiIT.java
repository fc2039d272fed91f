package org.openmdms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The interval storage overview and retention through the REST API on the test server, whose
 * settings are the defaults: retention off, so everything is kept and applying it is refused; and
 * its page, fetched as HTML (the browser tests need chromium). Only administrators see or apply it. (What retention removes is tested on the stores, IntervalRetentionIT.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IntervalStorageApiIT {

    private final Api admin = Api.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void byDefaultEverythingIsKeptAndApplyingRetentionIsRefused() {
        Api.Reply overview = admin.get("admin/interval-storage");

        assertEquals(200, overview.status(), overview.body());
        JsonObject storage = overview.json();
        assertTrue(storage.getBoolean("keepsForever"));
        assertEquals(0, storage.getInt("retentionMonths"));
        assertEquals("DROP", storage.getString("retentionMode"));
        assertFalse(storage.containsKey("nextCutoff") && storage.get("nextCutoff") != JsonValue.NULL);
        for (JsonValue month : storage.getJsonArray("months")) {
            assertTrue(month.asJsonObject().getString("table").startsWith("interval_read"), month.toString());
            assertTrue(month.asJsonObject().getString("month").endsWith("-01"), month.toString());
        }

        Api.Reply apply = admin.post("admin/interval-storage/retention", "");
        assertEquals(400, apply.status(), apply.body());
        assertTrue(apply.json().getString("message").contains("Retention is off"), apply.body());
    }

    @Test
    void thePageShowsThePolicyWithTheButtonDisabledWhileEverythingIsKept() {
        Api.Reply page = admin.page("admin/storage.xhtml");

        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("<h1>Interval storage</h1>"), page.body());
        assertTrue(page.body().matches("(?s).*id=\"policy\"[^>]*>forever<.*"), "policy: forever");
        assertTrue(page.body().matches("(?s).*id=\"storage:apply\"[^>]*disabled.*"), "apply button disabled");
    }

    @Test
    void onlyAdministratorsSeeTheStorage() {
        String name = "sto" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        Api.Reply created = admin.post("users", "{\"username\":\"" + name + "\",\"password\":\"secret-" + name
                + "\",\"fullName\":\"Test analyst\",\"roles\":[\"analyst\"]}");
        assertEquals(201, created.status(), created.body());
        Api analyst = Api.as(name, "secret-" + name);

        assertEquals(403, analyst.get("admin/interval-storage").status());
        assertEquals(403, analyst.post("admin/interval-storage/retention", "").status());
        assertEquals(403, analyst.page("admin/storage.xhtml").status());
    }
}
