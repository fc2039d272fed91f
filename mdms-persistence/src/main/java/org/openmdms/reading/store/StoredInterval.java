package org.openmdms.reading.store;

import java.math.BigDecimal;
import java.time.Instant;
import org.openmdms.reading.entity.ReadSource;

/** The current version of an interval as stored. */
public record StoredInterval(Instant intervalEnd, BigDecimal value, int quality, ReadSource source, int version,
        Instant receivedAt) {
}
