package org.openmdms.reading.control;

import java.time.Instant;

/** An event a meter reported, as a file or head-end states it. */
public record MeterEvent(long line, String meterId, MeterEventType type, Instant occurredAt, String detail) {
}
