package org.openmdms.web.outage;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.openmdms.outage.boundary.Outages;
import org.openmdms.outage.store.OutageRows;

/** The grid as outage detection sees it: recent last gasps on a feeder, meters out behind a transformer. */
@Path("feeders")
@Produces(MediaType.APPLICATION_JSON)
public class FeederResource {

    @Inject
    Outages outages;

    /** Which meters of the feeder sent a last gasp in the last {@code minutes} (default 15), newest first. */
    @GET
    @Path("{feeder}/last-gasps")
    public List<OutageRows.LastGasp> lastGasps(@PathParam("feeder") String feeder,
            @QueryParam("minutes") @DefaultValue("15") int minutes) {
        if (minutes < 1 || minutes > 7 * 24 * 60) {
            throw new IllegalArgumentException("minutes must be 1 to 10080");
        }
        return outages.lastGasps(feeder, minutes);
    }

    /** The usage points behind the transformer that are out (or whose last gasp is still pending). */
    @GET
    @Path("{feeder}/transformers/{transformer}/out")
    public List<OutageRows.MeterOnMap> outBehind(@PathParam("feeder") String feeder,
            @PathParam("transformer") String transformer) {
        return outages.outBehind(feeder, transformer);
    }
}
