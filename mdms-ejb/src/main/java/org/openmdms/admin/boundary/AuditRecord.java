package org.openmdms.admin.boundary;

import java.io.Serializable;
import java.time.Instant;
import org.openmdms.admin.entity.AuditEntry;

/** An audit entry as screens and the API show it. */
public record AuditRecord(long id, Instant recordedAt, String actor, String action, String subjectType,
        String subjectKey, String before, String after) implements Serializable {

    static AuditRecord of(AuditEntry e) {
        return new AuditRecord(e.id(), e.recordedAt(), e.actor(), e.action(), e.subjectType(), e.subjectKey(),
                e.beforeState(), e.afterState());
    }
}
