package org.openmdms.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import org.openmdms.meter.boundary.RegistryImport;
import org.openmdms.meter.control.ImportResult;
import org.openmdms.meter.control.RegistryCsv;
import org.openmdms.web.Messages;
import org.primefaces.model.file.UploadedFile;

/**
 * admin/import.xhtml: an administrator uploads the registry file from the CIS / asset system and
 * sees what the import did: the counts and every rejected line with its reason.
 */
@Named
@ViewScoped
public class RegistryImportPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Largest file accepted, as in the page's upload limit and web.xml's multipart-config. */
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    private static final String EXAMPLE = String.join(",", RegistryCsv.COLUMNS) + "\n"
            + "UP-000001,ELECTRIC,RESIDENTIAL,Europe/London,ACC-1001,\"1 High Street, Leeds\",F-01,T-0101,53.7996,-1.5491,"
            + "23,SN-100001,Landis+Gyr,E360,1,2024-03-01T00:00,KWH:30:DELIVERED;KWH:REG:DELIVERED\n"
            + "UP-000002,GAS,COMMERCIAL,Europe/London,ACC-1002,2 Mill Lane,,,,,,,,,,,\n";

    @Inject
    RegistryImport registryImport;

    private transient UploadedFile file;
    private ImportResult result;

    public void upload() {
        if (file == null || file.getSize() == 0) {
            Messages.error("Choose a registry file (CSV) to import");
            return;
        }
        String source = file.getFileName();
        try (InputStream csv = file.getInputStream()) {
            result = registryImport.importCsv(source, csv);
            Messages.info("Imported " + source + ": " + result.received() + " rows received, " + result.rejected()
                    + " rejected");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded file " + source, e);
        } catch (RuntimeException e) {
            Messages.refused(e);
        } finally {
            file = null;
        }
    }

    public List<String> getColumns() {
        return RegistryCsv.COLUMNS;
    }

    public String getExample() {
        return EXAMPLE;
    }

    public long getMaxBytes() {
        return MAX_BYTES;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public ImportResult getResult() {
        return result;
    }
}
