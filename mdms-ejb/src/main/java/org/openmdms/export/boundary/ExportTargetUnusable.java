package org.openmdms.export.boundary;

import jakarta.ejb.ApplicationException;

/**
 * An export cannot write to its folder (gone, not a folder, read-only): the run fails with this
 * reason, nothing is written, and a scheduled run is retried.
 */
@ApplicationException(rollback = true)
public class ExportTargetUnusable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExportTargetUnusable(String message) {
        super(message);
    }
}
