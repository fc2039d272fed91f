package org.openmdms.billing.control;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A seasonal schedule's periods worked out once for every interval start of a span, in one zone and
 * at one interval length, so that a bulk run asks the schedule once per time slot instead of once per
 * read (the slots are the same for every usage point of a batch). Answers exactly as the schedule it
 * wraps — outside the span, or in another zone, by asking it. Immutable.
 */
public final class SlotPeriods implements TouSchedule {

    private final TouSchedule schedule;
    private final ZoneId zone;
    private final Map<Instant, String> periods;

    private SlotPeriods(TouSchedule schedule, ZoneId zone, Map<Instant, String> periods) {
        this.schedule = schedule;
        this.zone = zone;
        this.periods = periods;
    }

    /** The schedule's period of every interval starting in [from, to) on the grid of this length in the zone. */
    public static SlotPeriods of(TouSchedule schedule, ZoneId zone, Instant from, Instant to, int intervalMinutes) {
        Map<Instant, String> periods = new HashMap<>();
        Duration step = Duration.ofMinutes(intervalMinutes);
        for (Instant start = LocalClock.ceil(from, zone, intervalMinutes); start.isBefore(to); start = start.plus(step)) {
            periods.put(start, schedule.periodAt(start, zone));
        }
        return new SlotPeriods(schedule, zone, Map.copyOf(periods));
    }

    @Override
    public String name() {
        return schedule.name();
    }

    @Override
    public String periodAt(Instant intervalStart, ZoneId zone) {
        String period = this.zone.equals(zone) ? periods.get(intervalStart) : null;
        return period != null ? period : schedule.periodAt(intervalStart, zone);
    }

    @Override
    public List<String> periodNames() {
        return schedule.periodNames();
    }

    @Override
    public Integer demandWindowMinutes() {
        return schedule.demandWindowMinutes();
    }
}
