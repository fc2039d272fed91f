package org.openmdms.web.export;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.openmdms.export.boundary.ExportTargetView;
import org.openmdms.export.boundary.ExportTargets;

/**
 * The folders the file exports write to (read: admin, auditor; change: admin, checked by the
 * boundary): set one (400 with the reason when it is not absolute or the server cannot write there),
 * or remove it to return to the setting's folder.
 */
@Path("export-targets")
@Produces(MediaType.APPLICATION_JSON)
public class ExportTargetResource {

    @Inject
    ExportTargets targets;

    /** A change of an export's folder. */
    public record Change(String folder) {
    }

    @GET
    public List<ExportTargetView> list() {
        return targets.list();
    }

    @GET
    @Path("{export}")
    public ExportTargetView target(@PathParam("export") String export) {
        return targets.target(export);
    }

    @PUT
    @Path("{export}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ExportTargetView change(@PathParam("export") String export, Change change) {
        if (change == null) {
            throw new IllegalArgumentException("Send {\"folder\": \"/srv/mdms/exports/billing\"}");
        }
        return targets.change(export, change.folder());
    }

    /** Returns the export to the folder of its setting. */
    @DELETE
    @Path("{export}")
    public ExportTargetView reset(@PathParam("export") String export) {
        return targets.reset(export);
    }
}
