package org.openmdms.export.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The folder an administrator chose for a file export. Without one the export writes to the folder
 * of its setting; the path was checked (absolute, writable by the server) when it was set.
 */
@Entity
@Table(name = "export_target")
public class ExportTarget {

    public static final int FOLDER_LENGTH = 1000;

    @Id
    @Column(name = "export_name", length = 64)
    private String exportName;

    @Column(nullable = false, length = FOLDER_LENGTH)
    private String folder;

    @Column(name = "changed_by", nullable = false, length = 64)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected ExportTarget() {
    }

    public ExportTarget(String exportName, String folder, String changedBy, Instant changedAt) {
        this.exportName = exportName;
        change(folder, changedBy, changedAt);
    }

    public void change(String folder, String changedBy, Instant changedAt) {
        if (folder == null || folder.isBlank() || folder.length() > FOLDER_LENGTH) {
            throw new IllegalArgumentException("An export folder is a path of 1 to " + FOLDER_LENGTH + " characters");
        }
        this.folder = folder;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public String exportName() {
        return exportName;
    }

    public String folder() {
        return folder;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
