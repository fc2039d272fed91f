package org.openmdms.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openmdms.billing.control.TestSchedules.ENGLAND;
import static org.openmdms.billing.control.TestSchedules.LONDON;
import static org.openmdms.billing.control.TestSchedules.LOS_ANGELES;
import static org.openmdms.billing.control.TestSchedules.US_2024;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Maximum demand per TOU period on Monday 2024-11-04 in Los Angeles (winter weekday, PST = UTC−8),
 * quarter-hours of 0.100 kWh except: 06:45 0.900 (off-peak); 10:15 0.800, 10:30 0.500, 11:00 and
 * 11:15 0.600 (mid-peak); 17:30 and 17:45 0.700, 19:00 2.000 with 19:15 missing (on-peak).
 */
class MaxDemandTest {

    private final BillingPeriod day = new BillingPeriod(LOS_ANGELES, LocalDate.parse("2024-11-04"),
            LocalDate.parse("2024-11-05"));

    private final Reads reads = Reads.of(LOS_ANGELES, 15).fill("2024-11-04", "2024-11-05", "0.100")
            .set("2024-11-04T06:45", "0.900")
            .set("2024-11-04T10:15", "0.800").set("2024-11-04T10:30", "0.500")
            .set("2024-11-04T11:00", "0.600").set("2024-11-04T11:15", "0.600")
            .set("2024-11-04T17:30", "0.700").set("2024-11-04T17:45", "0.700")
            .set("2024-11-04T19:00", "2.000").missing("2024-11-04T19:15", "2024-11-04T19:30");

    @ParameterizedTest(name = "{0}-minute window, {1}: {2} kW from {3}")
    @CsvSource({
        // over the channel's quarter-hours: kWh × 4
        " , off-peak, 3.600, 2024-11-04T14:45:00Z, 2024-11-04T15:00:00Z",
        " , mid-peak, 3.200, 2024-11-04T18:15:00Z, 2024-11-04T18:30:00Z",
        " , on-peak, 8.000, 2024-11-05T03:00:00Z, 2024-11-05T03:15:00Z",
        // 30-minute blocks on the clock half-hour: kWh × 2. 06:30 0.1 + 0.9; 11:00 0.6 + 0.6 beats 10:00
        // (0.9) and 10:30 (0.6) — a sliding window would find 10:15-10:45 (1.3); 19:00-19:30 has a missing
        // quarter-hour and does not count, so 17:30 0.7 + 0.7 is on-peak's peak.
        "30, off-peak, 2.000, 2024-11-04T14:30:00Z, 2024-11-04T15:00:00Z",
        "30, mid-peak, 2.400, 2024-11-04T19:00:00Z, 2024-11-04T19:30:00Z",
        "30, on-peak, 2.800, 2024-11-05T01:30:00Z, 2024-11-05T02:00:00Z",
        // hour blocks: 06:00 0.1 × 3 + 0.9 = 1.2; 10:00 0.1 + 0.8 + 0.5 + 0.1 = 1.5 beats 11:00 (1.4);
        // 17:00 0.2 + 1.4 = 1.6
        "60, off-peak, 1.200, 2024-11-04T14:00:00Z, 2024-11-04T15:00:00Z",
        "60, mid-peak, 1.500, 2024-11-04T18:00:00Z, 2024-11-04T19:00:00Z",
        "60, on-peak, 1.600, 2024-11-05T01:00:00Z, 2024-11-05T02:00:00Z",
    })
    void maxDemandPerPeriodOverTheChannelIntervalOrABlockWindow(Integer window, String period, String kw,
            Instant start, Instant end) {
        Determinants determinants = new DeterminantCalculator(TestSchedules.classic(US_2024, window), List.of())
                .calculate(day.whole("A"), 15, reads.slots(), null);

        assertEquals(new PeakDemand(new BigDecimal(kw), start, end),
                determinants.period(period).orElseThrow().maxDemand());
        assertEquals(window == null ? 15 : window, determinants.demandWindowMinutes());
    }

    @Test
    void theDayItselfAddsUp() {
        Determinants determinants = new DeterminantCalculator(TestSchedules.classic(US_2024, 30), List.of())
                .calculate(day.whole("A"), 15, reads.slots(), null);

        // off-peak 40 × 0.1 + 0.8; mid-peak 36 × 0.1 + 0.7 + 0.4 + 0.5 + 0.5; on-peak 19 × 0.1 + 0.6 + 0.6 + 1.9
        assertEquals(Map.of("off-peak", new BigDecimal("4.800"), "mid-peak", new BigDecimal("5.700"), "on-peak",
                new BigDecimal("5.000")), determinants.deliveredKwhByPeriod());
        assertEquals(new BigDecimal("15.500"), determinants.deliveredKwh());
        assertEquals(new IntervalCounts(96, 95, 0, 0), determinants.delivered());
    }

    @Test
    void onTheAutumnDayEachRepeatedHourHasItsOwnWindowsAndTheEarliestOfEqualPeaksStays() {
        // London 2013-10-27, a Sunday: off-peak to 16:00, mid-peak 16:00-21:00 (GMT = UTC that evening).
        BillingPeriod sunday = new BillingPeriod(LONDON, LocalDate.parse("2013-10-27"), LocalDate.parse("2013-10-28"));
        Reads reads = Reads.of(LONDON, 15).fill("2013-10-27", "2013-10-28", "0.100")
                .at(Instant.parse("2013-10-27T00:00:00Z"), "0.500").at(Instant.parse("2013-10-27T00:15:00Z"), "0.500")
                .at(Instant.parse("2013-10-27T01:00:00Z"), "0.600").at(Instant.parse("2013-10-27T01:15:00Z"), "0.600");

        Determinants determinants = new DeterminantCalculator(TestSchedules.classic(ENGLAND, 30), List.of())
                .calculate(sunday.whole("A"), 15, reads.slots(), null);

        // 01:00 BST: 1.0 kWh = 2.0 kW; 01:00 GMT: 1.2 kWh = 2.4 kW
        assertEquals(new PeakDemand(new BigDecimal("2.400"), Instant.parse("2013-10-27T01:00:00Z"),
                Instant.parse("2013-10-27T01:30:00Z")), determinants.period("off-peak").orElseThrow().maxDemand());
        assertEquals(new PeakDemand(new BigDecimal("0.400"), Instant.parse("2013-10-27T16:00:00Z"),
                Instant.parse("2013-10-27T16:30:00Z")), determinants.period("mid-peak").orElseThrow().maxDemand());
        assertNull(determinants.period("on-peak").orElseThrow().maxDemand());
        assertEquals(100, determinants.delivered().expected());
    }

    @Test
    void aWindowCutByTheStartOfAnAccountPeriodDoesNotCount() {
        // B moves in at 11:10: B's first quarter-hour is 11:15, so the 11:00-11:30 block is not B's whole.
        AccountPeriod b = new AccountPeriod(day, "B", Instant.parse("2024-11-04T19:10:00Z"), day.endInstant());

        Determinants determinants = new DeterminantCalculator(TestSchedules.classic(US_2024, 30), List.of())
                .calculate(b, 15, reads.slots(), null);

        // mid-peak blocks left: 11:30 to 16:00 at 0.2 kWh; the first of them is the peak
        assertEquals(new PeakDemand(new BigDecimal("0.400"), Instant.parse("2024-11-04T19:30:00Z"),
                Instant.parse("2024-11-04T20:00:00Z")), determinants.period("mid-peak").orElseThrow().maxDemand());
        // B's mid-peak energy: 11:15 0.6 and 18 quarter-hours 11:30-16:00 of 0.1
        assertEquals(new BigDecimal("2.400"), determinants.period("mid-peak").orElseThrow().deliveredKwh());
        assertEquals(51, determinants.delivered().expected()); // 11:15 to 24:00
    }

    @ParameterizedTest(name = "{0}-minute window over {1}-minute intervals")
    @CsvSource({"30, 20", "45, 30", "15, 30"})
    void aWindowMustBeAWholeNumberOfChannelIntervals(int window, int minutes) {
        DeterminantCalculator calculator = new DeterminantCalculator(TestSchedules.classic(US_2024, window),
                List.of());

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> calculator.accumulator(day.whole("A"), minutes, false));

        assertEquals("the " + window + "-minute demand window of classic is not a whole number of " + minutes
                + "-minute intervals", refused.getMessage());
    }
}
