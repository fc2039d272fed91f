package org.openmdms.admin.store;

import java.time.Instant;

/** Filters of the audit trail; null means any. Times are [from, to). */
public record AuditQuery(String subjectType, String subjectKey, String actor, Instant from, Instant to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null);
    }

    public static AuditQuery of(String subjectType, String subjectKey) {
        return new AuditQuery(subjectType, subjectKey, null, null, null);
    }
}
