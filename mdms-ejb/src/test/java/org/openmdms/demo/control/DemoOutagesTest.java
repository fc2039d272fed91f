package org.openmdms.demo.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openmdms.outage.control.Detection;
import org.openmdms.outage.control.Device;
import org.openmdms.outage.control.GridPicture;
import org.openmdms.outage.control.MeterPower;
import org.openmdms.outage.control.Outage;
import org.openmdms.outage.control.OutageDetector;
import org.openmdms.outage.control.OutagePolicy;
import org.openmdms.outage.control.PowerEvent;
import org.openmdms.reading.control.ReadingBatch;

/** The demo's outages of today, run through the detector with the default policy, show what the board promises. */
class DemoOutagesTest {

    /** DemoIT's small fleet (200) still shows outages: active and restored ones. */
    @Test
    void aSmallDemoFleetStillHasOutages() {
        Detection detection = detect(200, Instant.parse("2026-11-28T18:00:00Z"));
        assertTrue(detection.outages().stream().anyMatch(o -> o.state().isActive()), describe(detection));
        assertTrue(detection.outages().stream().anyMatch(o -> !o.state().isActive()), describe(detection));
    }

    private static String describe(Detection detection) {
        return detection.outages().stream().map(o -> o.device() + " " + o.state()).toList().toString();
    }

    private static Detection detect(int size, Instant now) {
        List<DemoFleet.Member> fleet = DemoFleet.members(size);
        GridPicture grid = new GridPicture();
        Map<String, Long> ids = new HashMap<>();
        for (DemoFleet.Member member : fleet) {
            if ("ELECTRIC".equals(member.commodity())) {
                grid.meter(MeterPower.powered(member.number(), member.feeder(), member.transformer()));
                ids.put(member.serialAtYearEnd(), (long) member.number());
                grid.served(Device.feeder(member.feeder()), grid.served(Device.feeder(member.feeder())) + 1);
                Device transformer = new Device(member.feeder(), member.transformer());
                grid.served(transformer, grid.served(transformer) + 1);
            }
        }
        ReadingBatch batch = DemoOutages.batch(fleet, now);
        List<PowerEvent> events = batch.events().stream().map(e -> new PowerEvent(ids.get(e.meterId()),
                Instant.parse(e.occurredAt()), e.type().equals("POWER_RESTORE"))).toList();
        return new OutageDetector(OutagePolicy.DEFAULT).detect(grid, events, now);
    }

    @Test
    void theDemoShowsAFeederStormATransformerOutageARestoredOneAndMomentaries() {
        Detection detection = detect(3000, Instant.parse("2026-11-28T18:00:00Z"));

        Map<String, String> states = new TreeMap<>();
        for (Outage outage : detection.outages()) {
            states.put(outage.device().toString(), outage.state().name());
        }
        assertEquals(Map.of("EST-F02", "PARTIALLY_RESTORED",
                "EST-F02/EST-F02-T01", "RESTORED", "EST-F02/EST-F02-T02", "RESTORED", "EST-F02/EST-F02-T03", "RESTORED",
                "EST-F02/EST-F02-T04", "OPEN", "EST-F02/EST-F02-T05", "OPEN", "EST-F02/EST-F02-T06", "OPEN",
                "NTH-F01/NTH-F01-T04", "OPEN", "STH-F03/STH-F03-T07", "RESTORED"), states);
        assertTrue(detection.momentary() >= 3, "momentary interruptions: " + detection.momentary());
        Outage feeder = detection.outages().stream().filter(o -> o.device().equals(Device.feeder("EST-F02")))
                .findFirst().orElseThrow();
        assertTrue(feeder.out() > 20 && feeder.out() < feeder.affected(), feeder.out() + " of " + feeder.affected());
    }
}
