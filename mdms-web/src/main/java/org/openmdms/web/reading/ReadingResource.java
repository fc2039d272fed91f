package org.openmdms.web.reading;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.openmdms.paging.PageRequest;
import org.openmdms.reading.control.ReadingBatch;
import org.openmdms.reading.boundary.BatchImport;
import org.openmdms.reading.boundary.MeterReadings;
import org.openmdms.reading.boundary.ReadingImportView;
import org.openmdms.reading.boundary.ReadingImporter;
import org.openmdms.web.ListParams;
import org.openmdms.web.PageJson;

/** Reading files in (streamed, any size) and the import history out. */
@Path("readings")
@Produces(MediaType.APPLICATION_JSON)
public class ReadingResource {

    @Inject
    ReadingImporter importer;

    @Inject
    MeterReadings readings;

    /** Imports a reading file sent as the request body; answers with the import record and its first rejects. */
    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    public ReadingImportView importFile(@QueryParam("format") String format,
            @QueryParam("source") @DefaultValue("api upload") String source, InputStream content) {
        if (format == null) {
            throw new IllegalArgumentException("The query parameter format is required (lcl)");
        }
        return importer.importFile(source, format, content);
    }

    /**
     * A batch of reads pushed by a head-end (JSON). The Idempotency-Key header makes a resend safe:
     * the same key answers with the earlier import and {@code Idempotent-Replay: true}.
     */
    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response batch(@HeaderParam("Idempotency-Key") String idempotencyKey, ReadingBatch batch) {
        BatchImport result = importer.importBatch(idempotencyKey, batch);
        return Response.ok(result.readingImport()).header("Idempotent-Replay", result.replayed()).build();
    }

    @GET
    @Path("imports")
    public PageJson<ReadingImportView> imports(@BeanParam ListParams list) {
        PageRequest page = list.page();
        return PageJson.of(readings.imports(page), page);
    }

    /**
     * Imports again the records of import {@code id} that the registry refused, once it is fixed;
     * answers with the new import ({@code Idempotent-Replay: true} when the same reprocess was sent twice).
     */
    @POST
    @Path("imports/{id}/reprocess")
    public Response reprocess(@PathParam("id") long id) {
        BatchImport result = importer.reprocess(id);
        return Response.ok(result.readingImport()).header("Idempotent-Replay", result.replayed()).build();
    }

    @GET
    @Path("imports/{id}")
    public ReadingImportView importRecord(@PathParam("id") long id) {
        return readings.importRecord(id);
    }
}
