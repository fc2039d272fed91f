package org.openmdms.reading.store;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import org.openmdms.reading.entity.ReadSource;

/** A version of an interval that is no longer current, with when and why it was superseded. */
public record IntervalVersion(Instant intervalEnd, BigDecimal value, int quality, ReadSource source, int version,
        Instant receivedAt, Instant supersededAt, String reason) implements Serializable {
}
