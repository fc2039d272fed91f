package org.openmdms.export.control;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.openmdms.config.Settings;

/**
 * The exports that write files into a folder for another system to pick up, each with the job that
 * writes them and the setting whose folder it uses until an administrator chooses another one.
 */
public enum FileExport {

    BILLING_FILE("billing-file", "Legacy billing files (fixed width and CSV, with checksums)", "billing-file-export",
            "mdms.export.billing.dir", Settings::billingExportDir),
    MONTHLY_REPORTS("monthly-reports", "Monthly Excel reports (exceptions, edits, registry changes, completeness)",
            "reports-monthly", "mdms.export.reports.dir", Settings::reportsExportDir),
    CMEP_DAILY("cmep-daily", "Daily CMEP file of every usage point's interval reads", "cmep-export-daily",
            "mdms.export.cmep.dir", Settings::cmepExportDir);

    private final String key;
    private final String title;
    private final String job;
    private final String setting;
    private final Supplier<Path> defaultFolder;

    FileExport(String key, String title, String job, String setting, Supplier<Path> defaultFolder) {
        this.key = key;
        this.title = title;
        this.job = job;
        this.setting = setting;
        this.defaultFolder = defaultFolder;
    }

    /** Its name in the API, the audit trail and the export_target table. */
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    /** The scheduled job that writes it. */
    public String job() {
        return job;
    }

    /** The setting (system property) of its default folder. */
    public String setting() {
        return setting;
    }

    /** The folder of its setting: where it writes until an administrator chooses another one. */
    public Path defaultFolder() {
        return defaultFolder.get().toAbsolutePath().normalize();
    }

    public static Optional<FileExport> byKey(String key) {
        return Arrays.stream(values()).filter(e -> e.key.equals(key)).findFirst();
    }
}
