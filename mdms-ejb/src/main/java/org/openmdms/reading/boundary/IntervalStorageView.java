package org.openmdms.reading.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.openmdms.reading.store.RetentionMode;
import org.openmdms.reading.store.StoredMonth;

/**
 * The administrator's view of interval storage: the retention policy, the boundary the next run
 * removes detail before (null when everything is kept), and the stored months per table.
 */
public record IntervalStorageView(int retentionMonths, RetentionMode retentionMode, boolean keepsForever,
        Instant nextCutoff, List<StoredMonth> months) implements Serializable {

    /** Estimated rows of all months in both tables. */
    public long totalRows() {
        return months.stream().mapToLong(StoredMonth::estimatedRows).sum();
    }
}
