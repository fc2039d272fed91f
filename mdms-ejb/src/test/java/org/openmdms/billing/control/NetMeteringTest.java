package org.openmdms.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openmdms.billing.control.TestSchedules.LOS_ANGELES;
import static org.openmdms.billing.control.TestSchedules.US_2024;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A solar customer on Friday 2024-07-05 in Los Angeles (summer weekday: off-peak 00:00–08:00 and
 * 23:00–24:00, mid-peak 08:00–12:00 and 18:00–23:00, on-peak 12:00–18:00), importing 0.250 kWh every
 * quarter-hour (off 9, mid 9, on 6 kWh) and exporting in the middle of the day.
 */
class NetMeteringTest {

    private final BillingPeriod day = new BillingPeriod(LOS_ANGELES, LocalDate.parse("2024-07-05"),
            LocalDate.parse("2024-07-06"));
    private final Reads delivered = Reads.of(LOS_ANGELES, 15).fill("2024-07-05", "2024-07-06", "0.250");

    @ParameterizedTest(name = "exporting {2} kWh a quarter-hour {0}-{1}")
    @CsvSource({
        // 16 quarter-hours of 0.5: 8 in mid-peak, 8 in on-peak
        "10:00, 14:00, 0.500, 4.000, 4.000, 8.000, 16.000, 5.000, 2.000",
        // 32 quarter-hours of 1.0: 16 in mid-peak, 16 in on-peak; the customer exports more than it imports
        "08:00, 16:00, 1.000, 16.000, 16.000, 32.000, -8.000, -7.000, -10.000",
        "12:00, 18:00, 0.125, 0.000, 3.000, 3.000, 21.000, 9.000, 3.000",
    })
    void netIsDeliveredMinusReceivedInTotalAndPerPeriod(String from, String to, String value, String midReceived,
            String onReceived, String received, String net, String midNet, String onNet) {
        Reads exported = Reads.of(LOS_ANGELES, 15).fill("2024-07-05", "2024-07-06", "0.000")
                .set("2024-07-05T" + from, "2024-07-05T" + to, value);

        Determinants determinants = new DeterminantCalculator(TestSchedules.classic(US_2024, null), List.of())
                .calculate(day.whole("A"), 15, delivered.slots(), exported.slots());

        assertEquals(new BigDecimal("24.000"), determinants.deliveredKwh());
        assertEquals(new BigDecimal(received), determinants.receivedKwh());
        assertEquals(new BigDecimal(net), determinants.netKwh());
        PeriodDeterminant off = determinants.period("off-peak").orElseThrow();
        PeriodDeterminant mid = determinants.period("mid-peak").orElseThrow();
        PeriodDeterminant on = determinants.period("on-peak").orElseThrow();
        assertEquals(new BigDecimal("0.000"), off.receivedKwh());
        assertEquals(new BigDecimal("9.000"), off.netKwh());
        assertEquals(new BigDecimal(midReceived), mid.receivedKwh());
        assertEquals(new BigDecimal(midNet), mid.netKwh());
        assertEquals(new BigDecimal(onReceived), on.receivedKwh());
        assertEquals(new BigDecimal(onNet), on.netKwh());
        assertEquals(new IntervalCounts(96, 96, 0, 0), determinants.received());
        assertTrue(determinants.isFinal());
    }

    @Test
    void aMissingReceivedIntervalMakesThePeriodIncompleteThoughDeliveredIsWhole() {
        Reads exported = Reads.of(LOS_ANGELES, 15).fill("2024-07-05", "2024-07-06", "0.000")
                .missing("2024-07-05T20:00", "2024-07-05T20:15");

        Determinants determinants = new DeterminantCalculator(TestSchedules.classic(US_2024, null), List.of())
                .calculate(day.whole("A"), 15, delivered.slots(), exported.slots());

        assertTrue(determinants.delivered().complete());
        assertEquals(new IntervalCounts(96, 95, 0, 0), determinants.received());
        assertEquals(1, determinants.received().missing());
        assertTrue(determinants.hasReceivedChannel());
        assertFalse(determinants.complete());
        assertFalse(determinants.isFinal());
    }

    @Test
    void criticalPeakEnergyIsThatOfTheIntervalsStartingInAnEvent() {
        // 13:55-17:50 PDT: the quarter-hours starting 14:00 … 17:45 (16), not 13:45 which starts before it.
        // 23:30 on the 5th to 01:00 on the 6th: only 23:30 and 23:45 are in the period. A third event
        // overlapping the first counts nothing twice; one on another day counts nothing.
        List<CriticalPeakEvent> events = List.of(
                new CriticalPeakEvent(instant("2024-07-05T13:55"), instant("2024-07-05T17:50")),
                new CriticalPeakEvent(instant("2024-07-05T15:00"), instant("2024-07-05T16:00")),
                new CriticalPeakEvent(instant("2024-07-05T23:30"), instant("2024-07-06T01:00")),
                new CriticalPeakEvent(instant("2024-07-10T14:00"), instant("2024-07-10T18:00")));
        Reads reads = Reads.of(LOS_ANGELES, 15).fill("2024-07-05", "2024-07-06", "0.250")
                .set("2024-07-05T13:45", "5.000").set("2024-07-05T17:45", "0.500");

        Determinants determinants = new DeterminantCalculator(TestSchedules.classic(US_2024, null), events)
                .calculate(day.whole("A"), 15, reads.slots(), null);

        assertEquals(new BigDecimal("4.750"), determinants.cppKwh()); // 15 × 0.25 + 0.5 + 2 × 0.25
        assertEquals(new BigDecimal("29.000"), determinants.deliveredKwh()); // 24 + 4.75 + 0.25
    }

    @Test
    void withoutEventsCriticalPeakEnergyIsZero() {
        Determinants determinants = new DeterminantCalculator(TestSchedules.classic(US_2024, null), List.of())
                .calculate(day.whole("A"), 15, delivered.slots(), null);

        assertEquals(new BigDecimal("0.000"), determinants.cppKwh());
    }

    private static java.time.Instant instant(String local) {
        return java.time.LocalDateTime.parse(local).atZone(LOS_ANGELES).toInstant();
    }
}
