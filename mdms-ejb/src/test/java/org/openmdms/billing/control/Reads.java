package org.openmdms.billing.control;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;
import org.openmdms.vee.control.Slot;

/**
 * Builds one channel's interval reads for the billing tests, addressed by the local time at which an
 * interval starts (on the repeated autumn hour, the first of the two) or by its start instant. The
 * reads come out as slots stored by their end instant, as the interval store keeps them.
 */
final class Reads {

    private final ZoneId zone;
    private final Duration step;
    private final TreeMap<Instant, Slot> byStart = new TreeMap<>();

    private Reads(ZoneId zone, int minutes) {
        this.zone = zone;
        this.step = Duration.ofMinutes(minutes);
    }

    static Reads of(ZoneId zone, int minutes) {
        return new Reads(zone, minutes);
    }

    /** Every interval that starts in the local days [from, to), all with this actual value. */
    Reads fill(String from, String to, String value) {
        Instant end = LocalDate.parse(to).atStartOfDay(zone).toInstant();
        for (Instant start = LocalDate.parse(from).atStartOfDay(zone).toInstant(); start.isBefore(end);
                start = start.plus(step)) {
            at(start, value);
        }
        return this;
    }

    /** The interval starting at this local time ("2024-11-04T06:45") gets this actual value. */
    Reads set(String localStart, String value) {
        return at(start(localStart), value);
    }

    /** Every interval starting in the local times [from, to) gets this actual value. */
    Reads set(String localFrom, String localTo, String value) {
        for (Instant start = start(localFrom); start.isBefore(start(localTo)); start = start.plus(step)) {
            at(start, value);
        }
        return this;
    }

    Reads at(Instant start, String value) {
        byStart.put(start, new Slot(start.plus(step), new BigDecimal(value), Quality.VALID, ReadSource.ACTUAL));
        return this;
    }

    /** No read for the intervals starting in the local times [from, to). */
    Reads missing(String localFrom, String localTo) {
        for (Instant start = start(localFrom); start.isBefore(start(localTo)); start = start.plus(step)) {
            byStart.remove(start);
        }
        return this;
    }

    /** The reads of the intervals starting in the local times [from, to) come from this source. */
    Reads source(String localFrom, String localTo, ReadSource source) {
        for (Instant start = start(localFrom); start.isBefore(start(localTo)); start = start.plus(step)) {
            Slot slot = byStart.get(start);
            byStart.put(start, new Slot(slot.end(), slot.value(), slot.quality(), source));
        }
        return this;
    }

    List<Slot> slots() {
        return new ArrayList<>(byStart.values());
    }

    Instant start(String localStart) {
        return LocalDateTime.parse(localStart).atZone(zone).toInstant();
    }
}
