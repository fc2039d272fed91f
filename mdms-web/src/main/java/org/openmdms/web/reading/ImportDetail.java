package org.openmdms.web.reading;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.openmdms.reading.boundary.MeterReadings;
import org.openmdms.reading.boundary.ReadingImportView;
import org.openmdms.web.Messages;

/** readings/import.xhtml: one reading import, its counts and its rejected lines. */
@Named
@ViewScoped
public class ImportDetail implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MeterReadings readings;

    private Long id;
    private ReadingImportView record;

    public void load() {
        if (id == null) {
            Messages.error("Give an import: readings/import.xhtml?id=…");
            return;
        }
        try {
            record = readings.importRecord(id);
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
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
