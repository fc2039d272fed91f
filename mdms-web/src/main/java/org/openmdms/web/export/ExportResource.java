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

    @Inject
    org.openmdms.export.boundary.BillingFileExport billingFiles;

    /**
     * Writes the legacy billing files of a UTC day's calculations to the export folder now (what the
     * nightly job does), replacing those of the same day; returns the files written.
     */
    @jakarta.ws.rs.POST
    @Path("billing")
    @jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
    public java.util.Map<String, Object> writeBillingFiles(@QueryParam("day") String day) {
        java.util.List<java.nio.file.Path> files = billingFiles.export(org.openmdms.web.vee.ExceptionFilter.day("day", day));
        return java.util.Map.of("folder", files.isEmpty() ? "" : files.get(0).getParent().toString(), "files",
                files.stream().map(f -> f.getFileName().toString()).toList());
    }

    /** One legacy billing file of a UTC day: {@code kind} new or correction, {@code layout} fixed or csv. */
    @GET
    @Path("billing/{day}/{kind}.{layout}")
    public Response billingFile(@jakarta.ws.rs.PathParam("day") String day, @jakarta.ws.rs.PathParam("kind") String kind,
            @jakarta.ws.rs.PathParam("layout") String layout) {
        org.openmdms.export.control.BillingFile.Kind k = switch (kind) {
            case "new" -> org.openmdms.export.control.BillingFile.Kind.NEW;
            case "correction" -> org.openmdms.export.control.BillingFile.Kind.CORRECTION;
            default -> throw new IllegalArgumentException("kind is new or correction");
        };
        org.openmdms.export.control.BillingFile.Layout l = switch (layout) {
            case "dat", "fixed" -> org.openmdms.export.control.BillingFile.Layout.FIXED;
            case "csv" -> org.openmdms.export.control.BillingFile.Layout.CSV;
            default -> throw new IllegalArgumentException("layout is dat (fixed width) or csv");
        };
        java.time.LocalDate d = org.openmdms.web.vee.ExceptionFilter.day("day", day);
        byte[] bytes = billingFiles.file(d, k, l);
        return Response.ok(bytes, l == org.openmdms.export.control.BillingFile.Layout.CSV ? "text/csv" : "text/plain")
                .header("Content-Disposition", "attachment; filename=\"" + new org.openmdms.export.control.BillingFile(d,
                        k, l, java.util.List.of()).name() + "\"").build();
    }
}
