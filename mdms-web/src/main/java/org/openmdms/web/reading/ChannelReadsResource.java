package org.openmdms.web.reading;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.openmdms.reading.boundary.ChannelReads;
import org.openmdms.reading.boundary.ChannelRegisters;
import org.openmdms.reading.boundary.MeterReadings;
import org.openmdms.reading.store.DailyReading;
import org.openmdms.reading.store.IntervalVersion;

/**
 * The reads of one channel of a usage point: interval values over a range, one interval's history,
 * daily totals; register reads of a register channel.
 */
@Path("usage-points/{code}/channels/{channelId}")
@Produces(MediaType.APPLICATION_JSON)
public class ChannelReadsResource {

    @Inject
    MeterReadings readings;

    /** Current values with interval end in [from, to) (UTC instants), at most 62 days. */
    @GET
    @Path("reads")
    public ChannelReads reads(@PathParam("code") String code, @PathParam("channelId") long channelId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return readings.reads(code, channelId, instant("from", from), instant("to", to));
    }

    /** Earlier versions of the interval ending at the instant. */
    @GET
    @Path("reads/{intervalEnd}/history")
    public List<IntervalVersion> history(@PathParam("code") String code, @PathParam("channelId") long channelId,
            @PathParam("intervalEnd") String intervalEnd) {
        return readings.history(code, channelId, instant("intervalEnd", intervalEnd));
    }

    /** Daily totals for local days in [from, to) (dates in the usage point's zone). */
    @GET
    @Path("daily")
    public List<DailyReading> daily(@PathParam("code") String code, @PathParam("channelId") long channelId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        try {
            return readings.daily(code, channelId, LocalDate.parse(from), LocalDate.parse(to));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("from and to are required dates such as 2013-01-31");
        }
    }

    /** Register reads of a register channel read in [from, to) (UTC instants), at most 366 days. */
    @GET
    @Path("registers")
    public ChannelRegisters registers(@PathParam("code") String code, @PathParam("channelId") long channelId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return readings.registers(code, channelId, instant("from", from), instant("to", to));
    }

    static Instant instant(String name, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(name + " must be an instant such as 2013-01-31T00:00:00Z");
        }
    }
}
