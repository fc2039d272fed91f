package org.openmdms.reading.control;

import java.math.BigDecimal;
import java.time.Instant;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.Unit;
import org.openmdms.reading.entity.ReadSource;

/**
 * One interval value as a file or a head-end states it, before it is mapped to a channel: the meter
 * it names, the reading type, the interval's end instant (UTC; DOMAIN.md §4b) and the value in
 * engineering units, multiplier not yet applied unless the sender applied it.
 *
 * @param line where it came from in its file (1-based), or its position in a batch
 */
public record MeterIntervalRead(long line, String meterId, Unit unit, int intervalMinutes, FlowDirection direction,
        Instant intervalEnd, BigDecimal value, int quality, ReadSource source) {
}
