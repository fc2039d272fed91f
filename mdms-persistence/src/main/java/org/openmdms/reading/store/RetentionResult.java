package org.openmdms.reading.store;

import java.time.Instant;
import java.util.List;

/**
 * What one application of retention removed from interval detail: the partitions dropped or
 * detached (with the archive tables they became), or, where there are no partitions (H2), the
 * number of rows deleted. {@code cutoff} is the month boundary actually applied: every interval
 * ending before it is gone, every interval ending at or after it is untouched.
 */
public record RetentionResult(Instant cutoff, RetentionMode mode, List<String> partitions,
        List<String> archiveTables, long deletedRows) {

    public RetentionResult {
        partitions = List.copyOf(partitions);
        archiveTables = List.copyOf(archiveTables);
    }

    public boolean removedNothing() {
        return partitions.isEmpty() && deletedRows == 0;
    }

    /** One line for the log and the audit trail. */
    public String describe() {
        if (removedNothing()) {
            return "nothing older than " + cutoff + " to remove";
        }
        if (partitions.isEmpty()) {
            return deletedRows + " rows with interval end before " + cutoff + " deleted";
        }
        return (mode == RetentionMode.DETACH ? "detached " + partitions + " as " + archiveTables
                : "dropped " + partitions) + " (interval end before " + cutoff + ")";
    }
}
