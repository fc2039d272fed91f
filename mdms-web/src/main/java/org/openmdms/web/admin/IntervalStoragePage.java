package org.openmdms.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.openmdms.reading.boundary.IntervalStorage;
import org.openmdms.reading.boundary.IntervalStorageView;
import org.openmdms.reading.store.RetentionResult;
import org.openmdms.web.Messages;

/**
 * admin/storage.xhtml: what interval detail is stored, month by month, the retention policy and the
 * next cutoff; an administrator can apply retention now (after a confirmation).
 */
@Named
@ViewScoped
public class IntervalStoragePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    IntervalStorage storage;

    private IntervalStorageView view;

    public void load() {
        view = storage.overview();
    }

    public void applyRetention() {
        try {
            RetentionResult result = storage.applyRetention();
            Messages.info("Retention applied: " + result.describe());
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
        load();
    }

    public IntervalStorageView getView() {
        return view;
    }
}
