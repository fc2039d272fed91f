package org.openmdms.billing.control;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A TOU schedule given as a calendar of intervals (dynamic tariffs): the period of every interval,
 * published in advance, by the instant the interval starts; each entry covers [start, start + length).
 * The Low Carbon London 2013 dynamic tariff is such a calendar (High / Normal / Low per half-hour, in
 * GMT). A channel interval takes the entry that covers its start; an interval no entry covers is
 * {@link TouSchedule#UNSCHEDULED}, never dropped, and its energy is reported under that name.
 * Immutable.
 */
public record CalendarSchedule(String name, int intervalMinutes, NavigableMap<Instant, String> periods,
        Integer demandWindowMinutes) implements TouSchedule {

    public CalendarSchedule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a TOU schedule needs a name");
        }
        if (intervalMinutes <= 0 || 1440 % intervalMinutes != 0) {
            throw new IllegalArgumentException("TOU calendar " + name + ": interval length must divide a day: "
                    + intervalMinutes);
        }
        TouSchedule.checkDemandWindow(demandWindowMinutes);
        periods = Collections.unmodifiableNavigableMap(new TreeMap<>(periods));
        Instant previous = null;
        for (Map.Entry<Instant, String> entry : periods.entrySet()) {
            TouSchedule.checkPeriodName(entry.getValue());
            if (previous != null && previous.plus(Duration.ofMinutes(intervalMinutes)).isAfter(entry.getKey())) {
                throw new IllegalArgumentException("TOU calendar " + name + ": the " + intervalMinutes
                        + "-minute intervals starting " + previous + " and " + entry.getKey() + " overlap");
            }
            previous = entry.getKey();
        }
    }

    /** A calendar by interval start instants, without a block demand window. */
    public static CalendarSchedule of(String name, int intervalMinutes, Map<Instant, String> periods) {
        return new CalendarSchedule(name, intervalMinutes, new TreeMap<>(periods), null);
    }

    /**
     * A calendar published in local date-times of a zone. A local time of the repeated autumn hour names
     * both of its intervals (a local calendar cannot tell them apart); a local time that does not exist
     * (the lost spring hour) is refused.
     */
    public static CalendarSchedule ofLocal(String name, int intervalMinutes, ZoneId zone,
            Map<LocalDateTime, String> periods, Integer demandWindowMinutes) {
        TreeMap<Instant, String> byInstant = new TreeMap<>();
        for (Map.Entry<LocalDateTime, String> entry : periods.entrySet()) {
            List<ZoneOffset> offsets = zone.getRules().getValidOffsets(entry.getKey());
            if (offsets.isEmpty()) {
                throw new IllegalArgumentException("TOU calendar " + name + ": " + entry.getKey()
                        + " does not exist in " + zone + " (the clocks go forward)");
            }
            for (ZoneOffset offset : offsets) {
                byInstant.put(entry.getKey().toInstant(offset), entry.getValue());
            }
        }
        return new CalendarSchedule(name, intervalMinutes, byInstant, demandWindowMinutes);
    }

    @Override
    public String periodAt(Instant intervalStart, ZoneId zone) {
        Map.Entry<Instant, String> entry = periods.floorEntry(intervalStart);
        if (entry == null || !entry.getKey().plus(Duration.ofMinutes(intervalMinutes)).isAfter(intervalStart)) {
            return UNSCHEDULED;
        }
        return entry.getValue();
    }

    /** The period names in order of their first interval. */
    @Override
    public List<String> periodNames() {
        Set<String> names = new LinkedHashSet<>(periods.values());
        return List.copyOf(names);
    }

    /** Start of the first published interval, or null for an empty calendar. */
    public Instant firstStart() {
        return periods.isEmpty() ? null : periods.firstKey();
    }

    /** End of the last published interval, or null for an empty calendar. */
    public Instant lastEnd() {
        return periods.isEmpty() ? null : periods.lastKey().plus(Duration.ofMinutes(intervalMinutes));
    }
}
