package org.openmdms.admin.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.util.Map;

/** Entity states as compact JSON for the audit trail (keys in the entity's own order). */
public final class AuditJson {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    private AuditJson() {
    }

    public static String of(Map<String, Object> state) {
        return state == null ? null : JSONB.toJson(state);
    }
}
