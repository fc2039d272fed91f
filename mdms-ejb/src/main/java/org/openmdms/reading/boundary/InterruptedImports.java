package org.openmdms.reading.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.openmdms.reading.store.ReadingImportStore;

/**
 * An import still RUNNING when the server starts was cut off by a stop or crash: its committed
 * chunks are stored, the rest is not. It is marked FAILED so that someone imports the file again;
 * the re-import stores what is missing and counts the rest as duplicates.
 */
@Singleton
@Startup
public class InterruptedImports {

    private static final Logger LOG = Logger.getLogger(InterruptedImports.class.getName());

    @Inject
    ReadingImportStore imports;

    @PostConstruct
    void markFailed() {
        int interrupted = imports.failRunning("interrupted by a server stop: import the file again to complete it"
                + " (what was stored is counted as duplicates)");
        if (interrupted > 0) {
            LOG.warning(interrupted + " reading imports were interrupted by a server stop and are marked FAILED");
        }
    }
}
