package org.openmdms.reading.control;

import java.time.Instant;
import org.openmdms.reading.entity.MeterEventType;

/**
 * An event a meter reported, as a file or head-end states it: the meter it names, its type and the
 * instant it occurred (UTC).
 *
 * @param line where it came from in its file (1-based), or its position in a batch
 * @param detail what the sender said besides the type; may be null
 */
public record MeterEvent(long line, String meterId, MeterEventType type, Instant occurredAt, String detail) {
}
