package org.openmdms.outage.boundary;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Map;
import org.openmdms.outage.control.Outage;

/**
 * The JSON document published for each outage change (docs/outages.md, "Notices"): the JMS topic
 * {@code java:/jms/topic/mdms/outages} and the webhook receive the same text.
 */
final class OutageNotices {

    /**
     * Made once: {@code Json.createObjectBuilder()} looks the JSON provider up again on every call
     * (a service loader search), which a storm's thousands of notices per step felt.
     */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private OutageNotices() {
    }

    static String payload(Outage outage, Instant now) {
        String kind = outage.change() == Outage.Change.NONE ? "UPDATED" : outage.change().name();
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("event", "outage." + kind.toLowerCase(java.util.Locale.ROOT))
                .add("outageId", outage.id())
                .add("version", outage.version())
                .add("level", outage.level().name())
                .add("feeder", outage.device().feeder());
        if (outage.device().transformer() != null) {
            json.add("transformer", outage.device().transformer());
        }
        json.add("state", outage.state().name())
                .add("startedAt", outage.startedAt().toString())
                .add("detectedAt", outage.detectedAt().toString());
        if (outage.restoredAt() != null) {
            json.add("restoredAt", outage.restoredAt().toString());
        }
        json.add("metersServed", outage.served())
                .add("metersAffected", outage.affected())
                .add("metersOut", outage.out());
        if (outage.parentId() != null) {
            json.add("parentOutageId", outage.parentId());
        }
        if (outage.closedBy() != null) {
            json.add("closedBy", outage.closedBy());
        }
        return json.add("publishedAt", now.toString()).build().toString();
    }
}
