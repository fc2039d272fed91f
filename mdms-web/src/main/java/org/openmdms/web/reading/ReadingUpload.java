package org.openmdms.web.reading;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.openmdms.reading.boundary.ReadingImportView;
import org.openmdms.reading.boundary.ReadingImporter;
import org.openmdms.reading.control.ReadingFormat;
import org.openmdms.web.Messages;
import org.openmdms.web.admin.RegistryImportPage;
import org.primefaces.model.file.UploadedFile;

/**
 * readings/upload.xhtml: an administrator or analyst uploads a reading file (up to 50 MB) in one of
 * the formats and lands on the import's record. Bigger files go through the REST API.
 */
@Named
@ViewScoped
public class ReadingUpload implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ReadingImporter importer;

    private ReadingFormat format = ReadingFormat.LCL;
    private transient UploadedFile file;

    public void upload() throws IOException {
        if (file == null || file.getSize() == 0) {
            Messages.error("Choose a reading file to import");
            return;
        }
        String source = file.getFileName();
        ReadingImportView result;
        try (InputStream content = file.getInputStream()) {
            result = importer.importFile(source, format.name(), content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded file " + source, e);
        } catch (RuntimeException e) {
            Messages.refused(e);
            return;
        } finally {
            file = null;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.getFlash().setKeepMessages(true);
        Messages.info("Imported " + source + ": " + result.received() + " reads received, " + result.stored()
                + " stored, " + result.rejected() + " rejected");
        external.redirect(external.getRequestContextPath() + "/readings/import.xhtml?id=" + result.id());
    }

    public ReadingFormat[] getFormats() {
        return ReadingFormat.values();
    }

    public long getMaxBytes() {
        return RegistryImportPage.MAX_BYTES;
    }

    public ReadingFormat getFormat() {
        return format;
    }

    public void setFormat(ReadingFormat format) {
        this.format = format;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }
}
