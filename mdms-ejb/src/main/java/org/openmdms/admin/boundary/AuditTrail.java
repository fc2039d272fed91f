package org.openmdms.admin.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.openmdms.admin.control.AuditJson;
import org.openmdms.admin.entity.AuditEntry;
import org.openmdms.admin.entity.Role;
import org.openmdms.admin.store.AuditQuery;
import org.openmdms.admin.store.AuditStore;
import org.openmdms.paging.Page;
import org.openmdms.paging.PageRequest;

/**
 * The audit trail of master data: every registry and user change is written here in the same
 * transaction as the change itself, so an entry exists exactly when the change does.
 */
@Stateless
public class AuditTrail {

    @Inject
    AuditStore store;

    @Resource
    SessionContext context;

    /** Records a change made by the current caller; called by other boundaries, inside their transaction. */
    @PermitAll
    public void record(String action, String subjectType, String subjectKey, Map<String, Object> before,
            Map<String, Object> after) {
        store.append(new AuditEntry(Instant.now(), Caller.name(context), action, subjectType, subjectKey,
                AuditJson.of(before), AuditJson.of(after)));
    }

    @RolesAllowed({Role.AUDITOR, Role.ADMIN})
    public Page<AuditRecord> search(AuditQuery query, PageRequest page) {
        return store.search(query, page).map(AuditRecord::of);
    }

    /** The history of one subject (a meter, a usage point): every role that may see the subject may see it. */
    @RolesAllowed({Role.ANALYST, Role.AUDITOR, Role.ADMIN})
    public Page<AuditRecord> historyOf(String subjectType, String subjectKey, PageRequest page) {
        return store.search(AuditQuery.of(subjectType, subjectKey), page).map(AuditRecord::of);
    }
}
