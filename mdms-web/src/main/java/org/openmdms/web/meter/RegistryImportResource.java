package org.openmdms.web.meter;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.openmdms.meter.boundary.RegistryImport;
import org.openmdms.meter.control.ImportResult;

/** The CIS / asset-system sync: POST the registry file (text/csv), get the counts and rejected lines back. */
@Path("registry/import")
public class RegistryImportResource {

    @Inject
    RegistryImport registryImport;

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public ImportResult importCsv(@QueryParam("source") @DefaultValue("api upload") String source, InputStream csv) {
        return registryImport.importCsv(source, csv);
    }
}
