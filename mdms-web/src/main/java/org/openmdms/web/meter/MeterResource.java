package org.openmdms.web.meter;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.openmdms.meter.boundary.MeterData;
import org.openmdms.meter.boundary.MeterRegistry;
import org.openmdms.meter.boundary.MeterView;
import org.openmdms.meter.boundary.RegistryNotFound;
import org.openmdms.meter.entity.MeterStatus;
import org.openmdms.meter.store.MeterQuery;
import org.openmdms.meter.store.MeterSummary;
import org.openmdms.paging.PageRequest;
import org.openmdms.web.ListParams;
import org.openmdms.web.PageJson;

/** Meters: search, read, create, update, retire. Changes need the admin role (checked by the boundary). */
@Path("meters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeterResource {

    @Inject
    MeterRegistry registry;

    @GET
    public PageJson<MeterSummary> search(@QueryParam("serial") String serial, @QueryParam("usagePoint") String usagePoint,
            @QueryParam("account") String account, @QueryParam("feeder") String feeder,
            @QueryParam("status") MeterStatus status, @BeanParam ListParams list) {
        PageRequest page = list.page();
        return PageJson.of(registry.searchMeters(new MeterQuery(serial, usagePoint, account, feeder, status), page),
                page);
    }

    @GET
    @Path("{serial}")
    public MeterView meter(@PathParam("serial") String serial) {
        return registry.meter(serial).orElseThrow(() -> new RegistryNotFound("No meter with serial number " + serial));
    }

    @POST
    public Response create(MeterData data, @Context UriInfo uri) {
        MeterView created = registry.createMeter(data);
        return Response.created(uri.getAbsolutePathBuilder().path(created.serialNumber()).build())
                .entity(created).build();
    }

    /** Updates a meter; an If-Match header with the version read before refuses lost updates (409). */
    @PUT
    @Path("{serial}")
    public MeterView update(@PathParam("serial") String serial, @HeaderParam("If-Match") String ifMatch,
            MeterData data) {
        return registry.updateMeter(serial, data, Versions.fromIfMatch(ifMatch));
    }

    @POST
    @Path("{serial}/retirement")
    public MeterView retire(@PathParam("serial") String serial) {
        return registry.retireMeter(serial);
    }
}
