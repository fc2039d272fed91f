package org.openmdms.billing.control;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Interval and demand-window boundaries on the local clock of a zone: a 15-minute grid has its
 * boundaries at :00, :15, :30 and :45 local time, a 30-minute window at :00 and :30. Computed from the
 * instant and its UTC offset, so the two 01:00–02:00 hours of an autumn day each have their own
 * boundaries. For the usual zones (whole-hour offsets and shifts) this is the UTC grid as well.
 */
final class LocalClock {

    private LocalClock() {
    }

    /** The last boundary of a grid of this many minutes at or before the instant. */
    static Instant floor(Instant instant, ZoneId zone, int minutes) {
        long local = instant.getEpochSecond() + zone.getRules().getOffset(instant).getTotalSeconds();
        return Instant.ofEpochSecond(instant.getEpochSecond() - Math.floorMod(local, minutes * 60L));
    }

    /** The first boundary of a grid of this many minutes at or after the instant. */
    static Instant ceil(Instant instant, ZoneId zone, int minutes) {
        Instant floor = floor(instant, zone, minutes);
        return floor.equals(instant) ? instant : floor.plusSeconds(minutes * 60L);
    }
}
