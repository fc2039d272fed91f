package org.openmdms.web.vee;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.openmdms.vee.boundary.WorkQueue;

/** The VEE backlog, for operators and scripts that wait for VEE: {"pendingDays": n}. */
@Path("vee/backlog")
@Produces(MediaType.APPLICATION_JSON)
public class VeeBacklogResource {

    @Inject
    WorkQueue queue;

    @GET
    public Map<String, Object> backlog() {
        return Map.of("pendingDays", queue.backlog());
    }
}
