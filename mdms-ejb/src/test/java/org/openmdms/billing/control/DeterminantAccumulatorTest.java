package org.openmdms.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openmdms.billing.control.TestSchedules.LONDON;
import static org.openmdms.billing.control.TestSchedules.LOS_ANGELES;
import static org.openmdms.billing.control.TestSchedules.US_2024;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmdms.reading.entity.ReadSource;
import org.openmdms.vee.control.IntervalSeries;
import org.openmdms.vee.control.Slot;

/** Streaming reads one by one, as a bulk run does from a database cursor. */
class DeterminantAccumulatorTest {

    private final BillingPeriod november = BillingPeriod.month(LOS_ANGELES, 2024, 11);
    private final DeterminantCalculator calculator = new DeterminantCalculator(TestSchedules.classic(US_2024, 30),
            List.of(new CriticalPeakEvent(Instant.parse("2024-11-12T00:00:00Z"),
                    Instant.parse("2024-11-12T03:00:00Z"))));

    @Test
    void streamedReadsGiveTheSameDeterminantsAsListsInAnyOrder() {
        Random random = new Random(7);
        List<Slot> delivered = new ArrayList<>();
        List<Slot> received = new ArrayList<>();
        for (Slot slot : Reads.of(LOS_ANGELES, 15).fill("2024-11-01", "2024-12-01", "0").slots()) {
            delivered.add(new Slot(slot.end(), BigDecimal.valueOf(random.nextInt(2000), 3), 0, ReadSource.ACTUAL));
            received.add(new Slot(slot.end(), BigDecimal.valueOf(random.nextInt(500), 3), 0, ReadSource.ACTUAL));
        }
        DeterminantAccumulator accumulator = calculator.accumulator(november.whole("A"), 15, true);
        for (int i = 0; i < delivered.size(); i++) {
            accumulator.received(received.get(i)); // channels interleaved
            accumulator.delivered(delivered.get(i).end(), delivered.get(i).value(), delivered.get(i).source());
        }
        Determinants streamed = accumulator.finish();
        Collections.shuffle(delivered, random);
        Collections.shuffle(received, random);

        Determinants listed = calculator.calculate(november.whole("A"), 15, delivered, received);

        assertEquals(streamed, listed);
        assertEquals(2884, streamed.delivered().expected());
        assertEquals(streamed.deliveredKwh(), streamed.periods().stream().map(PeriodDeterminant::deliveredKwh)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void missingSlotsOfAnIntervalSeriesArePassedOver() {
        BillingPeriod day = new BillingPeriod(LONDON, LocalDate.parse("2013-03-31"), LocalDate.parse("2013-04-01"));
        java.util.Map<Instant, Slot> stored = new java.util.HashMap<>();
        for (Slot slot : Reads.of(LONDON, 30).fill("2013-03-31", "2013-04-01", "0.500").slots()) {
            stored.put(slot.end(), slot);
        }
        stored.remove(Instant.parse("2013-03-31T12:00:00Z"));
        IntervalSeries series = IntervalSeries.of(LONDON, 30, day.start(), day.end(), stored);

        Determinants determinants = new DeterminantCalculator(TestSchedules.classic(TestSchedules.ENGLAND, null),
                List.of()).calculate(day.whole("A"), 30, series.slots(), null);

        assertEquals(new IntervalCounts(46, 45, 0, 0), determinants.delivered());
        assertEquals(new BigDecimal("22.500"), determinants.deliveredKwh());
    }

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource({
        "2024-11-04T12:15:00Z, 2024-11-04T12:00:00Z, delivered reads out of interval order: "
                + "2024-11-04T12:00:00Z after 2024-11-04T12:15:00Z",
        "2024-11-04T12:15:00Z, 2024-11-04T12:15:00Z, delivered reads out of interval order: "
                + "2024-11-04T12:15:00Z twice",
        "2024-11-04T12:15:00Z, 2024-11-04T12:20:00Z, delivered read ending 2024-11-04T12:20:00Z is not on the "
                + "15-minute interval grid",
    })
    void aRepeatedEarlierOrOffGridReadIsRefusedRatherThanCountedTwice(Instant first, Instant second, String message) {
        DeterminantAccumulator accumulator = calculator.accumulator(november.whole("A"), 15, false);
        accumulator.delivered(first, BigDecimal.ONE, ReadSource.ACTUAL);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> accumulator.delivered(second, BigDecimal.ONE, ReadSource.ACTUAL));

        assertEquals(message, refused.getMessage());
    }

    @Test
    void readsOutsideTheAccountPeriodArePassedOverSoOneStreamCanFeedEveryPart() {
        List<AccountPeriod> parts = november.split(List.of(
                AccountChange.onDate(LocalDate.parse("2024-01-01"), LOS_ANGELES, "A"),
                AccountChange.onDate(LocalDate.parse("2024-11-16"), LOS_ANGELES, "B")));
        DeterminantCalculator hourly = new DeterminantCalculator(TestSchedules.classic(US_2024, null), List.of());
        DeterminantAccumulator a = hourly.accumulator(parts.get(0), 60, false);
        DeterminantAccumulator b = hourly.accumulator(parts.get(1), 60, false);

        for (Slot slot : Reads.of(LOS_ANGELES, 60).fill("2024-10-31", "2024-12-02", "1.000").slots()) {
            a.delivered(slot);
            b.delivered(slot);
        }

        // A: 1-15 November, 15 days incl. the 25-hour 3rd; B: 16-30 November
        assertEquals(new BigDecimal("361.000"), a.finish().deliveredKwh());
        assertEquals(new BigDecimal("360.000"), b.finish().deliveredKwh());
    }

    @Test
    void anAccumulatorIsUsedOnceAndHasAReceivedChannelOnlyIfAskedFor() {
        DeterminantAccumulator accumulator = calculator.accumulator(november.whole("A"), 15, false);

        assertThrows(IllegalStateException.class,
                () -> accumulator.received(Instant.parse("2024-11-04T12:15:00Z"), BigDecimal.ONE, ReadSource.ACTUAL));
        Determinants empty = accumulator.finish();
        assertEquals(new IntervalCounts(2884, 0, 0, 0), empty.delivered());
        assertEquals(new BigDecimal("0.000"), empty.deliveredKwh());
        assertEquals(null, empty.period("on-peak").orElseThrow().maxDemand());
        assertThrows(IllegalStateException.class, accumulator::finish);
        assertThrows(IllegalStateException.class,
                () -> accumulator.delivered(Instant.parse("2024-11-04T12:15:00Z"), BigDecimal.ONE, ReadSource.ACTUAL));
    }
}
