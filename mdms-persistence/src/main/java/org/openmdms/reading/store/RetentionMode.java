package org.openmdms.reading.store;

import java.util.Locale;

/**
 * What retention does with a month of interval detail that is past the retention period. Daily
 * totals are kept in both modes.
 */
public enum RetentionMode {
    /** The month's partitions are dropped: the detail is gone. */
    DROP,
    /**
     * The month's partitions are detached and kept as standalone tables named
     * {@code archive_<table>_yYYYYmMM} (for example {@code archive_interval_read_y2013m01}), to be
     * archived (pg_dump, Data Pump) and dropped by an operator. Where a database has no partitions
     * (H2) the rows are deleted as in {@link #DROP}.
     */
    DETACH;

    /** The mode named by a setting: {@code drop} or {@code detach}, in any case. */
    public static RetentionMode of(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Retention mode '" + text + "' is not drop or detach", e);
        }
    }

    /** The standalone table a detached partition becomes, e.g. archive_interval_read_y2013m01. */
    public static String archiveName(String partition) {
        return "archive_" + partition.toLowerCase(Locale.ROOT);
    }
}
