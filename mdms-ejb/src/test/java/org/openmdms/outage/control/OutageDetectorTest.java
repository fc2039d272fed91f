package org.openmdms.outage.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The grouping logic: thresholds and minimum counts per level, the window, momentary interruptions,
 * partial and full restoration, feeder outages over transformer outages, repeats and late events.
 * The grid: feeder F1 with transformers T1 (usage points 1–4) and T2 (5–8), feeder F2 with T1 (9–10).
 */
class OutageDetectorTest {

    private static final Instant T0 = Instant.parse("2026-11-28T18:00:00Z");
    /** Transformers: half their usage points and at least 2; feeders: 30 % and at least 3. */
    private static final OutagePolicy POLICY = new OutagePolicy(new BigDecimal("0.5"), 2, new BigDecimal("0.3"), 3,
            Duration.ofMinutes(5), Duration.ofSeconds(60), null);

    private GridPicture grid;

    @BeforeEach
    void grid() {
        grid = new GridPicture();
        for (long id = 1; id <= 10; id++) {
            String feeder = id <= 8 ? "F1" : "F2";
            String transformer = id <= 4 || id > 8 ? "T1" : "T2";
            grid.meter(MeterPower.powered(id, feeder, transformer));
        }
        grid.served(new Device("F1", "T1"), 4).served(new Device("F1", "T2"), 4).served(new Device("F2", "T1"), 2)
                .served(Device.feeder("F1"), 8).served(Device.feeder("F2"), 2);
    }

    private Detection detect(Instant now, PowerEvent... events) {
        return new OutageDetector(POLICY).detect(grid, List.of(events), now);
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private static PowerEvent gasp(long id, int seconds) {
        return PowerEvent.lastGasp(id, at(seconds));
    }

    private static PowerEvent back(long id, int seconds) {
        return PowerEvent.restore(id, at(seconds));
    }

    @Test
    void lastGaspsWaitTheMomentaryTimeBeforeTheyCount() {
        Detection pending = detect(at(30), gasp(1, 0), gasp(2, 5));
        assertEquals(PowerState.PENDING, grid.meter(1).state());
        assertTrue(pending.outages().isEmpty());
        assertTrue(pending.interruptions().isEmpty());

        Detection confirmed = detect(at(64));
        assertEquals(PowerState.OUT, grid.meter(1).state(), "60 s after its last gasp");
        assertEquals(PowerState.PENDING, grid.meter(2).state(), "59 s after its last gasp");
        assertEquals(List.of(new Interruption(1, at(0), null, false)), confirmed.interruptions());
        assertTrue(confirmed.outages().isEmpty(), "1 of 4 is below the transformer's threshold");

        Detection opened = detect(at(70));
        opened.outages().removeIf(o -> o.level() == OutageLevel.FEEDER);
        assertEquals(1, opened.outages().size());
        Outage outage = opened.outages().get(0);
        assertEquals(new Device("F1", "T1"), outage.device());
        assertEquals(Outage.Change.OPENED, outage.change());
        assertEquals(OutageState.OPEN, outage.state());
        assertEquals(at(0), outage.startedAt());
        assertEquals(at(70), outage.detectedAt());
        assertEquals(2, outage.out());
        assertEquals(4, outage.served());
        assertEquals(1, outage.version());
        assertSame(outage, grid.meter(1).outage());
    }

    @Test
    void eachDetectionSaysWhichMembersJoinedAndWhichChanged() {
        Detection opened = detect(at(120), gasp(1, 0), gasp(2, 1));
        Outage outage = opened.outages().stream().filter(o -> o.level() == OutageLevel.TRANSFORMER).findFirst()
                .orElseThrow();
        assertEquals(List.of(1L, 2L), outage.addedMembers().stream().map(Outage.Member::usagePointId).toList());
        assertTrue(outage.changedMembers().isEmpty());

        // Later: one more joins, one comes back; the members already stored and unchanged are not repeated.
        Detection later = detect(at(300), gasp(3, 200), back(1, 250));
        assertTrue(later.outages().contains(outage));
        assertEquals(List.of(new Outage.Member(3, at(200), null)), outage.addedMembers());
        assertEquals(List.of(new Outage.Member(1, at(0), at(250))), outage.changedMembers());

        // Nothing for it: nothing to write.
        detect(at(400), gasp(9, 390));
        assertTrue(outage.addedMembers().isEmpty());
        assertTrue(outage.changedMembers().isEmpty());
    }

    @ParameterizedTest(name = "{0} of 4 usage points out: transformer outage {1}")
    @CsvSource({"1, false", "2, true", "3, true", "4, true"})
    void theTransformerThresholdIsAShareOfItsUsagePoints(int out, boolean opens) {
        List<PowerEvent> events = new ArrayList<>();
        for (int id = 1; id <= out; id++) {
            events.add(gasp(id, id));
        }
        Detection detection = new OutageDetector(POLICY).detect(grid, events, at(120));
        assertEquals(opens, detection.outages().stream().anyMatch(o -> o.level() == OutageLevel.TRANSFORMER));
    }

    @Test
    void aSmallTransformerNeedsTheMinimumNumberOfMeters() {
        OutagePolicy strict = new OutagePolicy(new BigDecimal("0.5"), 3, new BigDecimal("0.9"), 10,
                Duration.ofMinutes(5), Duration.ofSeconds(60), null);
        Detection detection = new OutageDetector(strict).detect(grid, List.of(gasp(9, 0), gasp(10, 0)), at(120));
        assertTrue(detection.outages().isEmpty(), "2 of 2 out, but the policy wants 3");
    }

    @Test
    void lastGaspsFurtherApartThanTheWindowDoNotCountTogether() {
        detect(at(120), gasp(1, 0));
        Detection later = detect(at(1000), gasp(2, 600));
        assertTrue(later.outages().isEmpty(), "10 minutes apart, the window is 5");
        Detection third = detect(at(1000), gasp(3, 650));
        assertEquals(1, third.outages().size());
        Outage outage = third.outages().get(0);
        assertEquals(at(600), outage.startedAt());
        assertEquals(2, outage.affected(), "usage point 1 went out alone, long before");
        assertEquals(PowerState.OUT, grid.meter(1).state());
        assertNull(grid.meter(1).outage());
    }

    @Test
    void aRestoreWithinTheMomentaryTimeIsRecordedButNeverCounted() {
        Detection detection = detect(at(120), gasp(1, 0), back(1, 20), gasp(2, 0), back(2, 59), gasp(3, 0));
        assertEquals(2, detection.momentary());
        assertEquals(List.of(new Interruption(1, at(0), at(20), true), new Interruption(2, at(0), at(59), true),
                new Interruption(3, at(0), null, false)), detection.interruptions());
        assertEquals(PowerState.ON, grid.meter(1).state());
        assertTrue(detection.outages().isEmpty(), "only one usage point is out");
    }

    @Test
    void restorationIsPartialThenFull() {
        detect(at(120), gasp(1, 0), gasp(2, 0), gasp(3, 1));
        Outage outage = grid.activeOn(new Device("F1", "T1"));
        outage.id(7);

        Outage feeder = grid.activeOn(Device.feeder("F1"));
        assertEquals(3, feeder.out(), "3 of 8 on F1 is at least 30 % and 3");
        Detection partial = detect(at(1800), back(1, 1700));
        assertEquals(List.of(outage, feeder), partial.outages());
        assertEquals(OutageState.PARTIALLY_RESTORED, feeder.state());
        assertEquals(Outage.Change.UPDATED, outage.change());
        assertEquals(OutageState.PARTIALLY_RESTORED, outage.state());
        assertEquals(2, outage.out());
        assertEquals(3, outage.affected());
        assertEquals(List.of(new Interruption(1, at(0), at(1700), false)), partial.interruptions());

        Detection full = new OutageDetector(POLICY).detect(reloaded(outage), List.of(back(2, 1750), back(3, 1760)),
                at(1800));
        Outage restored = full.outages().get(0);
        assertEquals(Outage.Change.RESTORED, restored.change());
        assertEquals(OutageState.RESTORED, restored.state());
        assertEquals(at(1760), restored.restoredAt());
        assertEquals(0, restored.out());
        assertEquals(3, restored.version());
    }

    /** The picture as the store would load it next time: states and the outage as stored. */
    private GridPicture reloaded(Outage outage) {
        GridPicture next = new GridPicture();
        for (MeterPower m : grid.meters()) {
            next.meter(new MeterPower(m.usagePointId(), m.feeder(), m.transformer(), m.state(), m.offAt(),
                    m.lastEventAt()));
        }
        next.served(new Device("F1", "T1"), 4).served(Device.feeder("F1"), 8);
        next.outage(new Outage(outage.id(), outage.device(), outage.state(), outage.startedAt(),
                outage.detectedAt(), outage.restoredAt(), outage.served(), outage.members(), null, outage.version()));
        return next;
    }

    @Test
    void aFeederOutageTakesTheTransformerOutagesOnItAsChildren() {
        Detection detection = detect(at(120), gasp(1, 0), gasp(2, 0), gasp(5, 10), gasp(6, 11));
        assertEquals(3, detection.outages().size());
        Outage feeder = grid.activeOn(Device.feeder("F1"));
        assertEquals(4, feeder.out(), "4 of 8 on F1 is at least 30 % and 3");
        assertSame(feeder, grid.activeOn(new Device("F1", "T1")).parent());
        assertSame(feeder, grid.activeOn(new Device("F1", "T2")).parent());
        assertSame(grid.activeOn(new Device("F1", "T1")), grid.meter(1).outage(), "the smallest outage");
    }

    @Test
    void usagePointsThatGoOutLaterJoinTheActiveOutage() {
        detect(at(120), gasp(1, 0), gasp(2, 0));
        Outage outage = grid.activeOn(new Device("F1", "T1"));
        outage.id(1);
        Detection joined = new OutageDetector(POLICY).detect(reloaded(outage), List.of(gasp(4, 200)), at(300));
        Outage updated = joined.outages().get(0);
        assertEquals(3, updated.out());
        assertEquals(Outage.Change.UPDATED, updated.change());
    }

    @Test
    void repeatsAndLateEventsChangeNothing() {
        detect(at(120), gasp(1, 0), gasp(2, 0));
        Detection repeat = detect(at(130), gasp(1, 0), gasp(2, 0), back(9, 100));
        assertEquals(3, repeat.ignored());
        assertEquals(0, repeat.applied());
        assertTrue(repeat.outages().isEmpty());

        detect(at(2000), back(1, 1900));
        Detection late = detect(at(2000), gasp(1, 1800));
        assertEquals(PowerState.ON, grid.meter(1).state(), "a last gasp older than the restore already applied");
        assertEquals(1, late.ignored());
    }

    @Test
    void anOperatorClosesAnOutageWhoseMetersNeverReportedBack() {
        detect(at(120), gasp(1, 0), gasp(2, 0), gasp(3, 0));
        Outage outage = grid.activeOn(new Device("F1", "T1"));
        detect(at(500), back(1, 400));
        Detection closed = new OutageDetector(POLICY).close(grid, outage, at(3600), "operator");
        assertEquals(OutageState.RESTORED, outage.state());
        assertEquals("operator", outage.closedBy());
        assertEquals(at(3600), outage.restoredAt());
        assertEquals(PowerState.ON, grid.meter(2).state());
        assertEquals(2, closed.interruptions().size());
        assertTrue(detect(at(3700)).outages().isEmpty(), "the closed outage's meters do not open a new one");
    }

    @Test
    void aBatchReportingAnOutageAfterTheFactStillRecordsIt() {
        Detection detection = detect(at(7200), gasp(1, 0), gasp(2, 5), gasp(3, 9), back(1, 3600), back(2, 3600),
                back(3, 3700));
        assertEquals(2, detection.outages().size(), "the transformer's and the feeder's (3 of 8)");
        Outage outage = detection.outages().stream().filter(o -> o.level() == OutageLevel.TRANSFORMER).findFirst()
                .orElseThrow();
        assertEquals(OutageState.RESTORED, outage.state());
        assertEquals(Outage.Change.OPENED, outage.change());
        assertEquals(at(0), outage.startedAt());
        assertEquals(at(3700), outage.restoredAt());
        assertEquals(3, outage.affected());
        assertTrue(detection.interruptions().contains(new Interruption(3, at(9), at(3700), false)));
    }

    @Test
    void theSameInputGivesTheSameDetection() {
        PowerEvent[] storm = {gasp(4, 3), gasp(1, 0), back(2, 30), gasp(2, 0), gasp(3, 1), gasp(5, 2)};
        Detection first = detect(at(120), storm);
        String once = describe(first);
        grid();
        assertEquals(once, describe(detect(at(120), storm[5], storm[4], storm[3], storm[2], storm[1], storm[0])));
    }

    private static String describe(Detection detection) {
        StringBuilder text = new StringBuilder(detection.interruptions().toString());
        for (Outage outage : detection.outages()) {
            text.append(outage.device()).append(outage.state()).append(Map.copyOf(outage.members()));
        }
        return text.toString();
    }

    @Test
    void thePolicyRefusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new OutagePolicy(BigDecimal.ZERO, 1, BigDecimal.ONE, 1,
                Duration.ofMinutes(5), Duration.ZERO, null));
        assertThrows(IllegalArgumentException.class, () -> new OutagePolicy(BigDecimal.ONE, 1, new BigDecimal("1.5"),
                1, Duration.ofMinutes(5), Duration.ZERO, null));
        assertThrows(IllegalArgumentException.class, () -> new OutagePolicy(BigDecimal.ONE, 0, BigDecimal.ONE, 1,
                Duration.ofMinutes(5), Duration.ZERO, null));
        assertThrows(IllegalArgumentException.class, () -> new OutagePolicy(BigDecimal.ONE, 1, BigDecimal.ONE, 1,
                Duration.ZERO, Duration.ZERO, null));
        assertThrows(IllegalArgumentException.class, () -> new OutagePolicy(BigDecimal.ONE, 1, BigDecimal.ONE, 1,
                Duration.ofMinutes(5), Duration.ZERO, "ftp://oms"));
        assertThrows(IllegalArgumentException.class, () -> new OutagePolicy(new BigDecimal("0.12345"), 1,
                BigDecimal.ONE, 1, Duration.ofMinutes(5), Duration.ZERO, null));
        assertNull(new OutagePolicy(BigDecimal.ONE, 1, BigDecimal.ONE, 1, Duration.ofMinutes(5), Duration.ZERO, " ")
                .webhookUrl());
    }
}
