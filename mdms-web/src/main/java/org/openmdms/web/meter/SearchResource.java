package org.openmdms.web.meter;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.openmdms.meter.boundary.MeterRegistry;
import org.openmdms.meter.store.RegistryHit;

/** The search box: meters by serial, usage points by ID, account or address. */
@Path("search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    MeterRegistry registry;

    @GET
    public List<RegistryHit> search(@QueryParam("q") String text, @QueryParam("limit") @DefaultValue("20") int limit) {
        return registry.find(text, Math.min(Math.max(limit, 1), 100));
    }
}
