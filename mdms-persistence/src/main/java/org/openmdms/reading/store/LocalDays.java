package org.openmdms.reading.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The local day of each interval end of a stream of reads ({@link ChannelClock#localDayOf}), with one
 * zone conversion per channel day instead of one per read: reads come channel by channel in time
 * order, so an end mostly falls in the same day's span as the one before it. Ingest asks this once for
 * every read it stores ({@link DayRuns}); converting each end through its zone cost a
 * quarter of a chunk's CPU. Not thread-safe: one per stream.
 */
public final class LocalDays {

    private final Map<Long, ChannelClock> clocks;
    private long channel = Long.MIN_VALUE;
    private ChannelClock clock;
    private LocalDate day;
    private Instant firstEnd;
    private Instant endsBefore;

    public LocalDays(Map<Long, ChannelClock> clocks) {
        this.clocks = clocks;
    }

    /** The local day the interval ending at {@code intervalEnd} belongs to (it starts in it). */
    public LocalDate of(long channelId, Instant intervalEnd) {
        if (channelId != channel || day == null) {
            clock = clocks.get(channelId);
            if (clock == null) {
                throw new IllegalArgumentException("No clock for channel " + channelId);
            }
            channel = channelId;
            day = null;
        }
        if (day == null || intervalEnd.isBefore(firstEnd) || !intervalEnd.isBefore(endsBefore)) {
            day = clock.localDayOf(intervalEnd);
            firstEnd = clock.firstEndOf(day);
            endsBefore = clock.endsBefore(day);
        }
        return day;
    }
}
