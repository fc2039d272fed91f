package org.openmdms.reading.store;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import org.openmdms.reading.entity.ReadSource;

/** The current version of a register read as stored. */
public record StoredRegisterRead(Instant readAt, BigDecimal value, int quality, ReadSource source, int version,
        Instant receivedAt) implements Serializable {
}
