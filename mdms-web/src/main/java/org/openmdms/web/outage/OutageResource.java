package org.openmdms.web.outage;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openmdms.outage.boundary.Outages;
import org.openmdms.outage.store.OutageRows;

/**
 * Outages for operators and the outage management system: the active ones, history, one with its
 * meters and published notices, the board's map, detection's status, and closing one by hand.
 */
@Path("outages")
@Produces(MediaType.APPLICATION_JSON)
public class OutageResource {

    @Inject
    Outages outages;

    /**
     * {@code state=active} (default): the outages not yet restored; {@code state=all}: those that
     * started in [from, to) (default the last 30 days), newest first.
     */
    @GET
    public List<OutageRows.Outage> list(@QueryParam("state") @DefaultValue("active") String state,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") @DefaultValue("500") int limit) {
        if ("active".equals(state)) {
            return outages.active();
        }
        if (!"all".equals(state)) {
            throw new IllegalArgumentException("state must be active or all, not " + state);
        }
        Instant end = to == null ? Instant.now() : instant("to", to);
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : instant("from", from);
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be 1 to 10000");
        }
        return outages.history(start, end, limit);
    }

    @GET
    @Path("status")
    public Outages.Status status() {
        return outages.status();
    }

    @GET
    @Path("map")
    public List<OutageRows.MeterOnMap> map() {
        return outages.map();
    }

    @GET
    @Path("{id}")
    public Outages.Detail outage(@PathParam("id") long id) {
        return outages.outage(id).orElseThrow(() -> new NotFoundException("No outage " + id));
    }

    /** Closes an active outage by hand (its meters still out count as back now); 404 when there is no such active outage. */
    @POST
    @Path("{id}/close")
    public Outages.Detail close(@PathParam("id") long id) {
        if (!outages.close(id)) {
            throw new NotFoundException("No active outage " + id);
        }
        return outage(id);
    }

    static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an instant like 2026-11-28T18:00:00Z, not " + value);
        }
    }
}
