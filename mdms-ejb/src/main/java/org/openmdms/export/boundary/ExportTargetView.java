package org.openmdms.export.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * Where a file export writes: the folder in force, whether an administrator chose it (else it is the
 * folder of the setting), who chose it and when, and the job that writes there.
 */
public record ExportTargetView(String name, String title, String job, String folder, boolean configured,
        String defaultFolder, String setting, String changedBy, Instant changedAt) implements Serializable {
}
