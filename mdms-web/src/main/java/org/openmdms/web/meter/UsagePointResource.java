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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import org.openmdms.admin.boundary.AuditRecord;
import org.openmdms.admin.boundary.AuditTrail;
import org.openmdms.meter.boundary.ChannelData;
import org.openmdms.meter.boundary.MeterRegistry;
import org.openmdms.meter.boundary.RegistryNotFound;
import org.openmdms.meter.boundary.UsagePointData;
import org.openmdms.meter.boundary.UsagePointView;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.CustomerClass;
import org.openmdms.meter.store.UsagePointQuery;
import org.openmdms.meter.store.UsagePointSummary;
import org.openmdms.paging.PageRequest;
import org.openmdms.web.ListParams;
import org.openmdms.web.PageJson;

/** Usage points with their channels and installation history; install, remove and exchange meters. */
@Path("usage-points")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsagePointResource {

    /** Body of install and exchange: which meter, from when (UTC instant). */
    public record MeterChange(String meterSerialNumber, Instant at) {
    }

    /** Body of a removal: when the meter came out (UTC instant). */
    public record Removal(Instant at) {
    }

    @Inject
    MeterRegistry registry;

    @Inject
    AuditTrail audit;

    @GET
    public PageJson<UsagePointSummary> search(@QueryParam("code") String code, @QueryParam("account") String account,
            @QueryParam("feeder") String feeder, @QueryParam("transformer") String transformer,
            @QueryParam("customerClass") CustomerClass customerClass, @QueryParam("commodity") Commodity commodity,
            @BeanParam ListParams list) {
        PageRequest page = list.page();
        return PageJson.of(registry.searchUsagePoints(
                new UsagePointQuery(code, account, feeder, transformer, customerClass, commodity), page), page);
    }

    @GET
    @Path("{code}")
    public UsagePointView usagePoint(@PathParam("code") String code) {
        return registry.usagePoint(code).orElseThrow(() -> new RegistryNotFound("No usage point " + code));
    }

    @POST
    public Response create(UsagePointData data, @Context UriInfo uri) {
        UsagePointView created = registry.createUsagePoint(data);
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }

    @PUT
    @Path("{code}")
    public UsagePointView update(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch,
            UsagePointData data) {
        return registry.updateUsagePoint(code, data, Versions.fromIfMatch(ifMatch));
    }

    @POST
    @Path("{code}/channels")
    public Response addChannel(@PathParam("code") String code, ChannelData data) {
        return Response.status(Response.Status.CREATED).entity(registry.addChannel(code, data)).build();
    }

    @POST
    @Path("{code}/installation")
    public UsagePointView install(@PathParam("code") String code, MeterChange change) {
        return registry.install(code, required(change).meterSerialNumber(), change.at());
    }

    @POST
    @Path("{code}/removal")
    public UsagePointView remove(@PathParam("code") String code, Removal removal) {
        if (removal == null) {
            throw new IllegalArgumentException("Body {\"at\": \"2013-06-01T10:00:00Z\"} is required");
        }
        return registry.removeMeter(code, removal.at());
    }

    @POST
    @Path("{code}/exchange")
    public UsagePointView exchange(@PathParam("code") String code, MeterChange change) {
        return registry.exchange(code, required(change).meterSerialNumber(), change.at());
    }

    @GET
    @Path("{code}/audit")
    public PageJson<AuditRecord> history(@PathParam("code") String code, @BeanParam ListParams list) {
        PageRequest page = list.page();
        return PageJson.of(audit.historyOf(MeterRegistry.USAGE_POINT, code, page), page);
    }

    private static MeterChange required(MeterChange change) {
        if (change == null || change.meterSerialNumber() == null) {
            throw new IllegalArgumentException(
                    "Body {\"meterSerialNumber\": \"...\", \"at\": \"2013-06-01T10:00:00Z\"} is required");
        }
        return change;
    }
}
