package org.openmdms.reading.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A channel day waiting for VEE, with what the worker needs to decide whether it is due: the usage
 * point, its zone, the channel's interval length, when it was queued, and how many reads the day holds
 * — and when its daily totals were last written (null: none yet), which tells whether the reads an
 * import kept at hand are still the stored ones ({@link ReadsAtHand}).
 */
public record PendingDay(long channelId, LocalDate day, String usagePoint, String zone, int intervalMinutes,
        Instant queuedAt, int readCount, Instant totalsWrittenAt) {

    /** A queued day whose daily totals' last write is not known. */
    public PendingDay(long channelId, LocalDate day, String usagePoint, String zone, int intervalMinutes,
            Instant queuedAt, int readCount) {
        this(channelId, day, usagePoint, zone, intervalMinutes, queuedAt, readCount, null);
    }

    /** The day as reads at hand are asked for it. */
    public ReadsAtHand.Written written() {
        return new ReadsAtHand.Written(day, totalsWrittenAt, readCount);
    }
}
