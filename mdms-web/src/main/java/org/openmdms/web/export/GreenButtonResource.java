package org.openmdms.web.export;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import org.openmdms.export.boundary.GreenButtonExport;
import org.openmdms.web.vee.ExceptionFilter;

/**
 * The Green Button (ESPI 4.0 Atom) download of a usage point for local days [from, to). Its own
 * root path: {@code usage-points} belongs to the usage point resource.
 */
@Path("usage-points/{code}/green-button")
public class GreenButtonResource {

    static final String ATOM = "application/atom+xml";

    @Inject
    GreenButtonExport export;

    @GET
    @Produces(ATOM)
    public Response download(@PathParam("code") String code, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        LocalDate first = ExceptionFilter.day("from", from);
        LocalDate end = ExceptionFilter.day("to", to);
        // checked before streaming, so that an unknown usage point or a bad range is a 404 / 400
        String fileName = export.fileName(code, first, end);
        StreamingOutput body = out -> export.write(code, first, end, out);
        return Response.ok(body, ATOM).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }
}
