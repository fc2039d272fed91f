package org.openmdms.web.reading;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.openmdms.reading.boundary.MeterEvents;
import org.openmdms.reading.boundary.MeterReadings;

/** The events a meter reported, wherever it was installed (or not) when each occurred. */
@Path("meters/{serial}/events")
@Produces(MediaType.APPLICATION_JSON)
public class MeterEventsResource {

    @Inject
    MeterReadings readings;

    /** Events that occurred in [from, to) (UTC instants), at most 366 days, in time order. */
    @GET
    public MeterEvents events(@PathParam("serial") String serial, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return readings.eventsOf(serial, ChannelReadsResource.instant("from", from),
                ChannelReadsResource.instant("to", to));
    }
}
