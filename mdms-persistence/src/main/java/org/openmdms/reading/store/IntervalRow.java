package org.openmdms.reading.store;

import java.math.BigDecimal;
import java.time.Instant;
import org.openmdms.reading.entity.ReadSource;

/** One interval value mapped to its channel, ready to be written. */
public record IntervalRow(long channelId, Instant intervalEnd, BigDecimal value, int quality, ReadSource source) {
}
