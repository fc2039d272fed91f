package org.openmdms.reading.store;

import java.math.BigDecimal;
import java.time.Instant;
import org.openmdms.reading.entity.ReadSource;

/** One register (cumulative) value mapped to its register channel, ready to be written. */
public record RegisterRow(long channelId, Instant readAt, BigDecimal value, int quality, ReadSource source) {
}
