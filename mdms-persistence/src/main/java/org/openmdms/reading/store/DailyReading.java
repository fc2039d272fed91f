package org.openmdms.reading.store;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A channel's local day in sum: what completeness, dashboards, reports and VEE's like-day history
 * read. {@code outageCount}: reads flagged power-off by the meter.
 */
public record DailyReading(long channelId, LocalDate day, BigDecimal total, int readCount, int estimatedCount,
        int editedCount, BigDecimal maxValue, int outageCount) implements Serializable {
}
