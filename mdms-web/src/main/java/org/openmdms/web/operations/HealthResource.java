package org.openmdms.web.operations;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.openmdms.operations.boundary.Health;

/**
 * Liveness and readiness for load balancers and orchestrators, without credentials (web.xml leaves
 * {@code /api/health/*} open): {@code live} answers while the application is deployed; {@code ready}
 * answers 200 when the database, the broker and the job scheduler work, else 503 with what failed.
 */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    Health health;

    @GET
    @Path("live")
    public Map<String, String> live() {
        return Map.of("status", "UP");
    }

    @GET
    @Path("ready")
    public Response ready() {
        Health.Readiness readiness = health.ready();
        return Response.status(readiness.up() ? 200 : 503)
                .entity(Map.of("status", readiness.up() ? "UP" : "DOWN", "checks", readiness.checks())).build();
    }
}
