package org.openmdms.reading.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A channel day waiting for VEE, with what the worker needs to decide whether it is due: the usage
 * point, its zone, the channel's interval length, when it was queued, and how many reads the day holds.
 */
public record PendingDay(long channelId, LocalDate day, String usagePoint, String zone, int intervalMinutes,
        Instant queuedAt, int readCount) {
}
