package org.openmdms.reading.store;

import java.math.BigDecimal;
import java.time.Instant;
import org.openmdms.reading.entity.ReadSource;

/** A version of a register read that is no longer current, with when and why it was superseded. */
public record RegisterReadVersion(Instant readAt, BigDecimal value, int quality, ReadSource source, int version,
        Instant receivedAt, Instant supersededAt, String reason) {
}
