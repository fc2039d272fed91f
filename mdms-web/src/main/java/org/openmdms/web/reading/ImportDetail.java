package org.openmdms.web.reading;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.openmdms.reading.boundary.MeterReadings;
import org.openmdms.reading.boundary.ReadingImportView;
import org.openmdms.reading.boundary.ReadingImporter;
import org.openmdms.web.Messages;

/**
 * readings/import.xhtml: one reading import, its counts and its rejected lines; an analyst reprocesses
 * the records the registry refused once it is fixed.
 */
@Named
@ViewScoped
public class ImportDetail implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MeterReadings readings;

    @Inject
    ReadingImporter importer;

    private Long id;
    private ReadingImportView record;
    private long reprocessable;
    private Long reprocessedIn;

    public void load() {
        if (id == null) {
            Messages.error("Give an import: readings/import.xhtml?id=…");
            return;
        }
        try {
            record = readings.importRecord(id);
            reprocessable = readings.reprocessableCount(id);
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    /** Reprocesses the refused records; the page then links to the new import. */
    public void reprocess() {
        try {
            ReadingImportView result = importer.reprocess(id).readingImport();
            reprocessedIn = result.id();
            Messages.info("Reprocessed in import " + result.id() + ": " + result.stored() + " stored, "
                    + result.duplicates() + " duplicates, " + result.rejected() + " still rejected");
            load();
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public long getReprocessable() {
        return reprocessable;
    }

    public Long getReprocessedIn() {
        return reprocessedIn;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public ReadingImportView getRecord() {
        return record;
    }
}
