package org.openmdms.web.reading;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.openmdms.reading.boundary.DeadLetter;
import org.openmdms.reading.boundary.DeadLetters;

/** Head-end messages that could not be imported: list them, send one back to its queue, or discard it (admins). */
@Path("readings/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private static final int MAX = 1000;

    @Inject
    DeadLetters deadLetters;

    @GET
    public List<DeadLetter> list(@QueryParam("max") @DefaultValue("100") int max) {
        return deadLetters.list(Math.max(1, Math.min(max, MAX)));
    }

    @POST
    @Path("{id}/retry")
    public DeadLetter retry(@PathParam("id") String id) {
        return deadLetters.retry(id).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("{id}")
    public DeadLetter discard(@PathParam("id") String id) {
        return deadLetters.discard(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No dead letter " + id);
    }
}
