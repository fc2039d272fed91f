package org.openmdms.reading.control;

import java.math.BigDecimal;
import java.time.Instant;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.Unit;
import org.openmdms.reading.entity.ReadSource;

/** A cumulative (dial) reading of a meter register at an instant, as a file states it. */
public record MeterRegisterRead(long line, String meterId, Unit unit, FlowDirection direction, Instant readAt,
        BigDecimal value, int quality, ReadSource source) {
}
