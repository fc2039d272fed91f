package org.openmdms.reading.store;

import java.time.Instant;
import org.openmdms.reading.entity.MeterEventType;

/**
 * One meter event mapped to the registry, ready to be written.
 *
 * @param usagePointId where the meter was installed when the event occurred; null when it was not installed
 */
public record EventRow(long meterId, Long usagePointId, MeterEventType type, Instant occurredAt, String detail) {
}
