package org.openmdms.reading.store;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A channel's local day in sum: what completeness, dashboards and reports read. */
public record DailyReading(long channelId, LocalDate day, BigDecimal total, int readCount, int estimatedCount,
        int editedCount, BigDecimal maxValue) implements Serializable {
}
