package org.openmdms.web.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.openmdms.admin.boundary.AuditRecord;
import org.openmdms.admin.boundary.AuditTrail;
import org.openmdms.admin.store.AuditQuery;
import org.openmdms.paging.PageRequest;
import org.openmdms.web.ListParams;
import org.openmdms.web.PageJson;

/** The audit trail of registry and user changes, newest first (auditors and admins). */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditTrail audit;

    @GET
    public PageJson<AuditRecord> search(@QueryParam("subjectType") String subjectType,
            @QueryParam("subjectKey") String subjectKey, @QueryParam("actor") String actor,
            @QueryParam("from") String from, @QueryParam("to") String to, @BeanParam ListParams list) {
        PageRequest page = list.page();
        return PageJson.of(audit.search(new AuditQuery(subjectType, subjectKey, actor, instant(from), instant(to)),
                page), page);
    }

    private static Instant instant(String text) {
        try {
            return text == null || text.isBlank() ? null : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an instant such as 2026-01-31T00:00:00Z");
        }
    }
}
