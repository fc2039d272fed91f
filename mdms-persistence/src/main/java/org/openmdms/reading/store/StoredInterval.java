package org.openmdms.reading.store;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;

/**
 * A current interval value as stored, with the method VEE estimated it with for an ESTIMATED read
 * (from its quality code; null for any other read).
 */
public record StoredInterval(Instant intervalEnd, BigDecimal value, int quality, ReadSource source, int version,
        Instant receivedAt, String estimationMethod) implements Serializable {

    public StoredInterval(Instant intervalEnd, BigDecimal value, int quality, ReadSource source, int version,
            Instant receivedAt) {
        this(intervalEnd, value, quality, source, version, receivedAt,
                source == ReadSource.ESTIMATED ? Quality.estimationMethod(quality) : null);
    }
}
