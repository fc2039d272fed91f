package org.openmdms.web.report;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import org.openmdms.meter.boundary.RegistryNotFound;
import org.openmdms.report.boundary.Reports;
import org.openmdms.web.vee.ExceptionFilter;

/**
 * The Excel reports as downloads (auditors, analysts, admins): {@code GET /api/reports/{name}.xlsx}
 * with {@code from} and {@code to} (days), or for determinants {@code cycle} and {@code periodStart}.
 * The workbook is built in bounded memory (a temporary file behind a window of rows) and then sent.
 */
@Path("reports")
public class ReportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    Reports reports;

    @GET
    @Path("{name}.xlsx")
    public Response download(@PathParam("name") String name, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("cycle") String cycle,
            @QueryParam("periodStart") String periodStart) throws IOException {
        // Built into a temporary file before the response starts, so that a refusal (bad dates, no such
        // cycle) is a clear 400/404 and memory stays bounded whatever the size.
        java.nio.file.Path path = Files.createTempFile("mdms-report-", ".xlsx");
        try (OutputStream file = Files.newOutputStream(path)) {
            build(name, from, to, cycle, periodStart, file);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(path);
            throw e;
        }
        String suffix = "determinants".equals(name) ? cycle + "-" + periodStart : from + "-to-" + to;
        StreamingOutput body = out -> {
            try {
                Files.copy(path, out);
            } finally {
                Files.deleteIfExists(path);
            }
        };
        return Response.ok(body, XLSX).header("Content-Length", Files.size(path))
                .header("Content-Disposition", "attachment; filename=\"mdms-" + name + "-" + suffix + ".xlsx\"").build();
    }

    private void build(String name, String from, String to, String cycle, String periodStart, OutputStream file) {
        switch (name) {
            case "exceptions" -> reports.exceptions(day("from", from), day("to", to), file);
            case "edits" -> reports.edits(day("from", from), day("to", to), file);
            case "registry-changes" -> reports.registryChanges(day("from", from), day("to", to), file);
            case "completeness" -> reports.completeness(day("from", from), day("to", to), file);
            case "determinants" -> reports.determinants(cycle, day("periodStart", periodStart), file);
            default -> throw new RegistryNotFound("No report " + name + "; there are " + Reports.NAMES);
        }
    }

    private static LocalDate day(String name, String text) {
        return ExceptionFilter.day(name, text);
    }
}
