package org.openmdms.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openmdms.billing.control.TestSchedules.LONDON;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Determinants under a dynamic tariff calendar of half-hours (as the LCL 2013 dtou file), on the
 * 25-hour Sunday 2013-10-27 in London: 50 half-hours from 2013-10-26T23:00Z, of 0.500 kWh each. The
 * calendar's first 16 half-hours are Low, the 37th to 42nd (17:00Z–20:00Z) High, the others Normal.
 */
class CalendarDeterminantsTest {

    private static final Instant FIRST = Instant.parse("2013-10-26T23:00:00Z");
    private static final EnergyPrices DTOU_PRICES = new EnergyPrices(Map.of("High", new BigDecimal("67.20"),
            "Normal", new BigDecimal("11.76"), "Low", new BigDecimal("3.99")));

    private final BillingPeriod sunday = new BillingPeriod(LONDON, LocalDate.parse("2013-10-27"),
            LocalDate.parse("2013-10-28"));
    private final Reads reads = Reads.of(LONDON, 30).fill("2013-10-27", "2013-10-28", "0.500");

    @Test
    void intervalsOutsideTheCalendarAreReportedUnscheduledAndTheDeterminantsAreNotFinal() {
        // A calendar of 48 half-hours, as if someone had assumed every day has 48: the last two of the
        // 25-hour day are outside it.
        CalendarSchedule calendar = calendar(48);

        Determinants determinants = new DeterminantCalculator(calendar, List.of())
                .calculate(sunday.whole("A"), 30, reads.slots(), null);

        assertEquals(List.of("Low", "Normal", "High", "UNSCHEDULED"),
                determinants.periods().stream().map(PeriodDeterminant::period).toList());
        assertEquals(new BigDecimal("8.000"), kwh(determinants, "Low"));
        assertEquals(new BigDecimal("13.000"), kwh(determinants, "Normal"));
        assertEquals(new BigDecimal("3.000"), kwh(determinants, "High"));
        assertEquals(new BigDecimal("1.000"), kwh(determinants, "UNSCHEDULED"));
        assertEquals(new BigDecimal("25.000"), determinants.deliveredKwh());
        assertEquals(2, determinants.unscheduledIntervals());
        assertEquals(new IntervalCounts(50, 50, 0, 0), determinants.delivered());
        assertTrue(determinants.complete());
        assertFalse(determinants.isFinal());

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DTOU_PRICES.cost(determinants));
        assertTrue(refused.getMessage().startsWith("no price for period UNSCHEDULED (1.000 kWh)"),
                refused.getMessage());
    }

    @Test
    void aCalendarThatCoversTheDayIsFinalAndPricedPerBand() {
        Determinants determinants = new DeterminantCalculator(calendar(50), List.of())
                .calculate(sunday.whole("A"), 30, reads.slots(), null);

        assertEquals(List.of("Low", "Normal", "High"),
                determinants.periods().stream().map(PeriodDeterminant::period).toList());
        assertEquals(new BigDecimal("14.000"), kwh(determinants, "Normal"));
        assertEquals(0, determinants.unscheduledIntervals());
        assertTrue(determinants.isFinal());

        EnergyCost cost = DTOU_PRICES.cost(determinants);

        // Low 8 × 3.99, Normal 14 × 11.76, High 3 × 67.20 (pence)
        assertEquals(Map.of("Low", new BigDecimal("31.92"), "Normal", new BigDecimal("164.64"), "High",
                new BigDecimal("201.60")), cost.byPeriod());
        assertEquals(new BigDecimal("398.16"), cost.total());
    }

    @Test
    void quarterHoursArePricedOnAHalfHourCalendarButLongerIntervalsAreRefused() {
        Reads quarterHours = Reads.of(LONDON, 15).fill("2013-10-27", "2013-10-28", "0.250");

        Determinants determinants = new DeterminantCalculator(calendar(50), List.of())
                .calculate(sunday.whole("A"), 15, quarterHours.slots(), null);

        assertEquals(new BigDecimal("8.000"), kwh(determinants, "Low"));
        assertEquals(new BigDecimal("3.000"), kwh(determinants, "High"));
        assertEquals(100, determinants.delivered().expected());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new DeterminantCalculator(calendar(50), List.of()).accumulator(sunday.whole("A"), 60, false));
        assertEquals("60-minute intervals cannot be priced on the 30-minute calendar dtou", refused.getMessage());
    }

    /** The first {@code count} half-hours of the day from {@link #FIRST}: 16 Low, 6 High from the 37th. */
    private static CalendarSchedule calendar(int count) {
        TreeMap<Instant, String> periods = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            String band = i < 16 ? "Low" : i >= 36 && i < 42 ? "High" : "Normal";
            periods.put(FIRST.plus(Duration.ofMinutes(30L * i)), band);
        }
        return CalendarSchedule.of("dtou", 30, periods);
    }

    private static BigDecimal kwh(Determinants determinants, String period) {
        return determinants.period(period).orElseThrow().deliveredKwh();
    }
}
