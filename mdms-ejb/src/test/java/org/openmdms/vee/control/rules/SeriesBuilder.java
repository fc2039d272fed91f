package org.openmdms.vee.control.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;
import org.openmdms.vee.control.IntervalSeries;
import org.openmdms.vee.control.Slot;

/**
 * Builds a small interval series of whole London days slot by slot: every slot starts missing, and
 * slots are addressed by their position in the series (0 = the interval ending at the first day's
 * first boundary) or by the local time at which they end.
 */
final class SeriesBuilder {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final int minutes;
    private final LocalDate firstDay;
    private final LocalDate endDay;
    private final List<Instant> ends;
    private final Map<Instant, Slot> stored = new HashMap<>();

    private SeriesBuilder(int minutes, LocalDate firstDay, LocalDate endDay) {
        this.minutes = minutes;
        this.firstDay = firstDay;
        this.endDay = endDay;
        this.ends = IntervalSeries.of(LONDON, minutes, firstDay, endDay, Map.of()).slots().stream().map(Slot::end)
                .toList();
    }

    /** Half-hours of the local days [firstDay, endDay). */
    static SeriesBuilder halfHours(String firstDay, String endDay) {
        return new SeriesBuilder(30, LocalDate.parse(firstDay), LocalDate.parse(endDay));
    }

    /** Intervals of this length of the local days [firstDay, endDay). */
    static SeriesBuilder intervals(int minutes, String firstDay, String endDay) {
        return new SeriesBuilder(minutes, LocalDate.parse(firstDay), LocalDate.parse(endDay));
    }

    /** Half-hours of one local day. */
    static SeriesBuilder day(String day) {
        return halfHours(day, LocalDate.parse(day).plusDays(1).toString());
    }

    int size() {
        return ends.size();
    }

    Instant end(int index) {
        return ends.get(index);
    }

    /** The position of the interval ending at this local time (the earlier one in the repeated hour). */
    int endingAt(String localDateTime) {
        Instant end = ZonedDateTime.ofLocal(LocalDateTime.parse(localDateTime), LONDON, null).toInstant();
        int index = ends.indexOf(end);
        if (index < 0) {
            throw new IllegalArgumentException("no interval ends at " + localDateTime);
        }
        return index;
    }

    /** Every slot actual with this value. */
    SeriesBuilder all(String value) {
        return actual(0, size(), value);
    }

    /** The slots of one local day actual with this value. */
    SeriesBuilder onDay(String day, String value) {
        LocalDate date = LocalDate.parse(day);
        for (Instant end : ends) {
            if (end.minusSeconds(60L * minutes).atZone(LONDON).toLocalDate().equals(date)) {
                put(end, value, Quality.VALID, ReadSource.ACTUAL);
            }
        }
        return this;
    }

    SeriesBuilder actual(int index, String value) {
        return actual(index, 1, value);
    }

    SeriesBuilder actual(int from, int count, String value) {
        return put(from, count, value, Quality.VALID, ReadSource.ACTUAL);
    }

    SeriesBuilder estimated(int from, int count, String value) {
        return put(from, count, value, Quality.VALID, ReadSource.ESTIMATED);
    }

    /** Power-off intervals: value 0, flagged outage. */
    SeriesBuilder outage(int from, int count) {
        return put(from, count, "0", Quality.POWER_OUTAGE, ReadSource.ACTUAL);
    }

    /** Actual intervals keeping their value (0 where none yet) with these quality flags. */
    SeriesBuilder flagged(int from, int count, int quality) {
        for (int i = from; i < from + count; i++) {
            Slot slot = stored.get(end(i));
            put(end(i), slot == null ? "0" : slot.value().toPlainString(), quality, ReadSource.ACTUAL);
        }
        return this;
    }

    SeriesBuilder missing(int from, int count) {
        for (int i = from; i < from + count; i++) {
            stored.remove(end(i));
        }
        return this;
    }

    IntervalSeries build() {
        return IntervalSeries.of(LONDON, minutes, firstDay, endDay, stored);
    }

    private SeriesBuilder put(int from, int count, String value, int quality, ReadSource source) {
        for (int i = from; i < from + count; i++) {
            put(end(i), value, quality, source);
        }
        return this;
    }

    private SeriesBuilder put(Instant end, String value, int quality, ReadSource source) {
        stored.put(end, new Slot(end, new BigDecimal(value), quality, source));
        return this;
    }
}
