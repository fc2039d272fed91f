package org.openmdms.web.export;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.openmdms.export.boundary.CmepExport;
import org.openmdms.web.vee.ExceptionFilter;

/** File exports of interval reads: CMEP MEPMD01 for a set of usage points and local days [from, to). */
@Path("exports")
public class ExportResource {

    static final String CSV = "text/csv";

    @Inject
    CmepExport cmep;

    /**
     * The CMEP file as an attachment. Channels CMEP cannot carry (received or net direction,
     * register channels) are named in the {@code X-Skipped-Channels} header (usagePoint:channelId, comma-separated).
     */
    @GET
    @Path("cmep")
    @Produces(CSV)
    public Response cmep(@QueryParam("usagePoints") String usagePoints, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        List<String> codes = usagePoints == null ? List.of() : Arrays.asList(usagePoints.split(","));
        LocalDate first = ExceptionFilter.day("from", from);
        LocalDate end = ExceptionFilter.day("to", to);
        // checked before streaming, so that an unknown usage point or a bad range is a 404 / 400
        CmepExport.Plan plan = cmep.plan(codes, first, end);
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            cmep.write(codes, first, end, writer);
            writer.flush();
        };
        Response.ResponseBuilder response = Response.ok(body, CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + plan.fileName() + "\"");
        if (!plan.skippedChannels().isEmpty()) {
            response.header("X-Skipped-Channels", String.join(",", plan.skippedChannels()));
        }
        return response.build();
    }
}
