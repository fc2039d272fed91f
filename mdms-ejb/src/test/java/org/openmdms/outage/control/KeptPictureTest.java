package org.openmdms.outage.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A picture kept across detections works only on the usage points that can change (those its
 * events name, those pending, those out and not yet counted in an outage on each of their devices):
 * each detection must find exactly what it finds on a copy of the same state in a new picture, where
 * every usage point that is not on is looked at (as every one was before). Random storms of last gasps and restores over 3 feeders × 5
 * transformers × 6 usage points, in steps, with ids given to new outages as saving does.
 */
class KeptPictureTest {

    private static final Instant T0 = Instant.parse("2026-11-28T18:00:00Z");
    private static final OutagePolicy POLICY = new OutagePolicy(new BigDecimal("0.5"), 2, new BigDecimal("0.3"), 3,
            Duration.ofMinutes(5), Duration.ofSeconds(60), null);
    private static final int FEEDERS = 3;
    private static final int TRANSFORMERS = 5;
    private static final int PER_TRANSFORMER = 6;

    @Test
    void aKeptPictureDetectsWhatAPictureReadAnewDetects() {
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            GridPicture kept = grid(List.of(), List.of());
            long nextId = 1;
            int opened = 0;
            for (int step = 0; step < 8; step++) {
                Instant now = T0.plusSeconds(45L * step);
                List<PowerEvent> events = new ArrayList<>();
                for (int i = random.nextInt(40); i > 0; i--) {
                    long id = 1 + random.nextInt(FEEDERS * TRANSFORMERS * PER_TRANSFORMER);
                    Instant at = now.minusSeconds(random.nextInt(120));
                    events.add(random.nextInt(4) == 0 ? PowerEvent.restore(id, at) : PowerEvent.lastGasp(id, at));
                }
                // The same state as a new picture, where every usage point that is not on is worked on.
                GridPicture anew = grid(new ArrayList<>(kept.meters()), kept.outages());
                String expected = describe(new OutageDetector(POLICY).detect(anew, events, now));
                Detection detection = new OutageDetector(POLICY).detect(kept, events, now);
                assertEquals(expected, describe(detection), "seed " + seed + ", step " + step);
                for (Outage outage : detection.outages()) {
                    if (outage.id() == null) {
                        outage.id(nextId++);
                        opened++;
                    }
                }
            }
            assertTrue(opened > 0 || seed > 1, "the first storm opens outages");
        }
    }

    /** A picture of the grid in the given state, as detection reads it: the usage points in their order, the active outages. */
    private static GridPicture grid(List<MeterPower> state, List<Outage> outages) {
        Map<Long, MeterPower> known = new LinkedHashMap<>();
        state.forEach(m -> known.put(m.usagePointId(), m));
        GridPicture grid = new GridPicture();
        long id = 0;
        for (int f = 1; f <= FEEDERS; f++) {
            for (int t = 1; t <= TRANSFORMERS; t++) {
                for (int m = 0; m < PER_TRANSFORMER; m++) {
                    MeterPower was = known.get(++id);
                    grid.meter(was == null ? MeterPower.powered(id, "F" + f, "T" + t)
                            : new MeterPower(id, "F" + f, "T" + t, was.state(), was.offAt(), was.lastEventAt()));
                }
                grid.served(new Device("F" + f, "T" + t), PER_TRANSFORMER);
            }
            grid.served(Device.feeder("F" + f), TRANSFORMERS * PER_TRANSFORMER);
        }
        Map<Long, Outage> copies = new LinkedHashMap<>();
        for (Outage outage : outages) {
            if (outage.state().isActive() && outage.closedBy() == null) {
                Outage copy = new Outage(outage.id(), outage.device(), outage.state(), outage.startedAt(),
                        outage.detectedAt(), outage.restoredAt(), outage.served(), outage.members(), outage.parentId(),
                        outage.version());
                grid.outage(copy);
                copies.put(copy.id(), copy);
            }
        }
        // The same state to the last field: the outage each usage point is counted in, nothing changed yet.
        for (MeterPower meter : grid.meters()) {
            MeterPower was = known.get(meter.usagePointId());
            if (was != null && was.outage() != null) {
                meter.outage(copies.get(was.outage().id()));
            }
            meter.unchanged();
        }
        return grid.linkParents();
    }

    private static String describe(Detection detection) {
        StringBuilder text = new StringBuilder();
        text.append(detection.applied()).append('/').append(detection.ignored()).append('/')
                .append(detection.momentary()).append(detection.interruptions());
        for (MeterPower meter : detection.meters()) {
            text.append(' ').append(meter.usagePointId()).append(meter.state()).append(meter.offAt())
                    .append(meter.lastEventAt()).append(meter.outage() == null ? "-" : meter.outage().device());
        }
        for (Outage outage : detection.outages()) {
            text.append(' ').append(outage.id()).append(outage.device()).append(outage.state()).append(outage.change())
                    .append(outage.version()).append(Map.copyOf(outage.members())).append(outage.addedMembers())
                    .append(outage.changedMembers()).append(outage.parent() == null ? "-" : outage.parent().device());
        }
        return text.toString();
    }
}
