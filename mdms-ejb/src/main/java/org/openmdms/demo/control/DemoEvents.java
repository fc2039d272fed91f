package org.openmdms.demo.control;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.openmdms.reading.control.ReadingBatch;

/**
 * A plausible, repeatable handful of 2013 meter events for the demo households, sent as a head-end
 * batch: a short evening outage on 12 November that every tenth household reports (last gasp, then
 * power restore 20–60 minutes later), a few single outages, a tamper alarm, and clock adjustments on
 * the night of the spring clock change. Times are London local times turned into UTC instants.
 */
public final class DemoEvents {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private DemoEvents() {
    }

    /** The events of the households' meters (serial numbers in registry order). */
    public static ReadingBatch batch(List<String> meters) {
        List<ReadingBatch.Event> events = new ArrayList<>();
        for (int i = 0; i < meters.size(); i++) {
            String meter = meters.get(i);
            if (i % 10 == 0) {
                LocalDateTime off = LocalDateTime.of(2013, 11, 12, 17, 42).plusSeconds(i * 7L);
                events.add(event(meter, "LAST_GASP", off, "Feeder outage"));
                events.add(event(meter, "POWER_RESTORE", off.plusMinutes(20 + i % 41), null));
            }
            if (i % 7 == 3) {
                LocalDateTime off = LocalDateTime.of(2013, 1 + i % 12, 1 + i % 28, 3 + i % 19, i % 60);
                events.add(event(meter, "LAST_GASP", off, null));
                events.add(event(meter, "POWER_RESTORE", off.plusMinutes(3 + i % 90), null));
            }
            if (i % 25 == 1) {
                events.add(event(meter, "CLOCK_ADJUSTED", LocalDateTime.of(2013, 3, 31, 2, 0).plusSeconds(3 + i),
                        "Clock set forward by head-end time sync (DST)"));
            }
            if (i == 2) {
                events.add(event(meter, "TAMPER", LocalDateTime.of(2013, 8, 14, 11, 5, 31), "Terminal cover opened"));
            }
            if (i == 5) {
                events.add(event(meter, "LOW_BATTERY", LocalDateTime.of(2013, 12, 2, 9, 0), "Clock battery below 2.9 V"));
            }
        }
        return new ReadingBatch("demo head-end", List.of(), List.of(), events);
    }

    private static ReadingBatch.Event event(String meter, String type, LocalDateTime local, String detail) {
        Instant at = local.atZone(LONDON).toInstant();
        return new ReadingBatch.Event(meter, type, at.toString(), detail);
    }
}
