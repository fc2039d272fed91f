package org.openmdms.web.billing;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.openmdms.billing.boundary.BillingDeterminants;
import org.openmdms.billing.store.DeterminantRow;
import org.openmdms.web.vee.ExceptionFilter;

/** The billing determinants of a usage point: read with their history, or calculated now for a period. */
@Path("usage-points/{code}/determinants")
@Produces(MediaType.APPLICATION_JSON)
public class DeterminantResource {

    @Inject
    BillingDeterminants determinants;

    /** The usage point's determinants, every period, current and earlier versions, newest first. */
    @GET
    public List<DeterminantRow> determinants(@PathParam("code") String code, @QueryParam("limit") Integer limit) {
        return determinants.history(code, limit == null ? 200 : Math.min(limit, 2000));
    }

    /** Calculates the usage point's determinants for the billing period [from, to) now. */
    @POST
    public List<DeterminantRow> calculate(@PathParam("code") String code, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return determinants.calculate(code, ExceptionFilter.day("from", from), ExceptionFilter.day("to", to));
    }

}
