package org.openmdms.web.vee;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.openmdms.vee.boundary.VeeRunResult;
import org.openmdms.vee.boundary.VeeRunner;

/** Runs VEE on demand for a usage point's local days [from, to) (analysts, admins). */
@Path("usage-points/{code}/vee")
@Produces(MediaType.APPLICATION_JSON)
public class VeeRunResource {

    @Inject
    VeeRunner runner;

    @POST
    public VeeRunResult run(@PathParam("code") String code, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return runner.run(code, ExceptionFilter.day("from", from), ExceptionFilter.day("to", to));
    }
}
