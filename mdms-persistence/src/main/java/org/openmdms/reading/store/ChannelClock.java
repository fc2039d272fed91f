package org.openmdms.reading.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The time rules of a channel: its interval length and its usage point's zone. An interval is
 * stored by its end instant but belongs to the local day in which it starts (DOMAIN.md §4b).
 */
public record ChannelClock(ZoneId zone, int intervalMinutes) {

    public LocalDate localDayOf(Instant intervalEnd) {
        return intervalEnd.minusSeconds(60L * intervalMinutes).atZone(zone).toLocalDate();
    }

    /** End instants of the intervals that start on the local day: [first end, after last end). */
    public Instant firstEndOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant().plusSeconds(60L * intervalMinutes);
    }

    public Instant endsBefore(LocalDate day) {
        return firstEndOf(day.plusDays(1));
    }
}
