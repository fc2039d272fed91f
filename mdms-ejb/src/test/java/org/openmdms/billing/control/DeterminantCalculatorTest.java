package org.openmdms.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openmdms.billing.control.TestSchedules.ENGLAND;
import static org.openmdms.billing.control.TestSchedules.LONDON;
import static org.openmdms.billing.control.TestSchedules.US_2024;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmdms.reading.entity.ReadSource;
import org.openmdms.vee.control.HolidayCalendar;

/**
 * Energy per TOU period and interval counts, day by day across both DST changes in Los Angeles and
 * London, over a span of days and over a month. Every quarter-hour holds 0.250 kWh (1 kW) except the
 * one starting 15:45 local, which holds 0.750: it ends at 16:00, where the winter periods change, so
 * it shows that an interval takes the period in which it starts.
 */
class DeterminantCalculatorTest {

    @ParameterizedTest(name = "{0} {1} ({2}): {3} quarter-hours")
    @CsvSource({
        "America/Los_Angeles, 2024-03-09, Saturday, 96, 19.500, 5.000, 0.000, 24.500",
        "America/Los_Angeles, 2024-03-10, Sunday spring forward 23 h, 92, 18.500, 5.000, 0.000, 23.500",
        "America/Los_Angeles, 2024-03-11, Monday, 96, 10.000, 9.500, 5.000, 24.500",
        "America/Los_Angeles, 2024-07-04, holiday in summer, 96, 24.500, 0.000, 0.000, 24.500",
        "America/Los_Angeles, 2024-07-05, Friday in summer, 96, 9.000, 9.000, 6.500, 24.500",
        "America/Los_Angeles, 2024-11-03, Sunday fall back 25 h, 100, 20.500, 5.000, 0.000, 25.500",
        "America/Los_Angeles, 2024-11-04, Monday, 96, 10.000, 9.500, 5.000, 24.500",
        "America/Los_Angeles, 2024-11-11, Veterans Day, 96, 24.500, 0.000, 0.000, 24.500",
        "Europe/London, 2013-03-29, Good Friday, 96, 24.500, 0.000, 0.000, 24.500",
        "Europe/London, 2013-03-30, Saturday, 96, 19.500, 5.000, 0.000, 24.500",
        "Europe/London, 2013-03-31, Sunday spring forward 23 h, 92, 18.500, 5.000, 0.000, 23.500",
        "Europe/London, 2013-04-01, Easter Monday, 96, 24.500, 0.000, 0.000, 24.500",
        "Europe/London, 2013-04-02, Tuesday, 96, 10.000, 9.500, 5.000, 24.500",
        "Europe/London, 2013-10-27, Sunday fall back 25 h, 100, 20.500, 5.000, 0.000, 25.500",
        "Europe/London, 2013-10-28, Monday, 96, 10.000, 9.500, 5.000, 24.500",
    })
    void energyPerPeriodOnOrdinaryHolidayAndDstDays(ZoneId zone, LocalDate day, String kind, int expected,
            String offPeak, String midPeak, String onPeak, String total) {
        HolidayCalendar holidays = zone.equals(LONDON) ? ENGLAND : US_2024;
        BillingPeriod period = new BillingPeriod(zone, day, day.plusDays(1));
        Reads reads = quarterHours(zone, day, day.plusDays(1));

        Determinants determinants = new DeterminantCalculator(TestSchedules.classic(holidays, null), List.of())
                .calculate(period.whole("A"), 15, reads.slots(), null);

        assertEquals(List.of("off-peak", "mid-peak", "on-peak"),
                determinants.periods().stream().map(PeriodDeterminant::period).toList());
        assertEquals(new BigDecimal(offPeak), kwh(determinants, "off-peak"));
        assertEquals(new BigDecimal(midPeak), kwh(determinants, "mid-peak"));
        assertEquals(new BigDecimal(onPeak), kwh(determinants, "on-peak"));
        assertEquals(new BigDecimal(total), determinants.deliveredKwh());
        assertEquals(new IntervalCounts(expected, expected, 0, 0), determinants.delivered());
        assertTrue(determinants.complete());
        assertTrue(determinants.isFinal());
        assertNull(determinants.received());
        assertEquals(new BigDecimal("0.000"), determinants.receivedKwh());
        assertEquals(determinants.deliveredKwh(), determinants.netKwh());
    }

    @ParameterizedTest(name = "{0} {1}: night {3}, day {4}")
    @CsvSource({
        "America/Los_Angeles, 2024-03-10, 92, 1.000, 22.000",
        "America/Los_Angeles, 2024-11-03, 100, 2.000, 23.000",
        "America/Los_Angeles, 2024-11-04, 96, 1.000, 23.000",
        // London springs forward at 01:00: no local time 01:00-02:00 that day
        "Europe/London, 2013-03-31, 92, 0.000, 23.000",
        "Europe/London, 2013-10-27, 100, 2.000, 23.000",
    })
    void theRepeatedHourCountsTwiceAndTheLostHourNever(ZoneId zone, LocalDate day, int expected, String night,
            String rest) {
        BillingPeriod period = new BillingPeriod(zone, day, day.plusDays(1));
        Reads reads = Reads.of(zone, 15).fill(day.toString(), day.plusDays(1).toString(), "0.250");

        Determinants determinants = new DeterminantCalculator(TestSchedules.night(), List.of())
                .calculate(period.whole("A"), 15, reads.slots(), null);

        assertEquals(new BigDecimal(night), kwh(determinants, "night"));
        assertEquals(new BigDecimal(rest), kwh(determinants, "day"));
        assertEquals(expected, determinants.delivered().expected());
    }

    @Test
    void aSpanOfDaysInLondonAcrossEasterAndTheSpringChangeAddsUpItsDays() {
        // Good Friday 24.5 off; Saturday 19.5 off, 5 mid; Sunday (23 h) 18.5 off, 5 mid; Easter Monday
        // 24.5 off; Tuesday 10 off, 9.5 mid, 5 on.
        BillingPeriod period = new BillingPeriod(LONDON, LocalDate.parse("2013-03-29"), LocalDate.parse("2013-04-03"));
        Reads reads = quarterHours(LONDON, period.start(), period.end());

        Determinants determinants = new DeterminantCalculator(TestSchedules.classic(ENGLAND, null), List.of())
                .calculate(period.whole("A"), 15, reads.slots(), null);

        assertEquals(new BigDecimal("97.000"), kwh(determinants, "off-peak"));
        assertEquals(new BigDecimal("19.500"), kwh(determinants, "mid-peak"));
        assertEquals(new BigDecimal("5.000"), kwh(determinants, "on-peak"));
        assertEquals(new BigDecimal("121.500"), determinants.deliveredKwh());
        assertEquals(476, determinants.delivered().expected());
    }

    @Test
    void aLondonMonthWithTheAutumnChangeCountsMissingEstimatedAndEditedHalfHours() {
        // October 2013: 23 weekdays (10 h off, 9 mid, 5 on), 7 ordinary weekend days (19 off, 5 mid) and
        // the 25-hour Sunday the 27th (20 off, 5 mid), at 1 kWh an hour: off 383, mid 247, on 115 = 745.
        // On 1 October the on-peak hours 16:00-21:00 BST are missing: 10 half-hours, 5 kWh.
        BillingPeriod october = BillingPeriod.month(LONDON, 2013, 10);
        Reads reads = Reads.of(LONDON, 30).fill("2013-10-01", "2013-11-01", "0.500")
                .missing("2013-10-01T16:00", "2013-10-01T21:00")
                .source("2013-10-02T00:00", "2013-10-02T10:00", ReadSource.ESTIMATED)
                .source("2013-10-03T00:00", "2013-10-03T02:30", ReadSource.EDITED);

        Determinants determinants = new DeterminantCalculator(TestSchedules.classic(ENGLAND, null), List.of())
                .calculate(october.whole("A"), 30, reads.slots(), null);

        assertEquals(new BigDecimal("383.000"), kwh(determinants, "off-peak"));
        assertEquals(new BigDecimal("247.000"), kwh(determinants, "mid-peak"));
        assertEquals(new BigDecimal("110.000"), kwh(determinants, "on-peak"));
        assertEquals(new BigDecimal("740.000"), determinants.deliveredKwh());
        IntervalCounts counts = determinants.delivered();
        assertEquals(new IntervalCounts(1490, 1480, 20, 5), counts);
        assertEquals(10, counts.missing());
        assertEquals(new BigDecimal("0.0067"), counts.missingShare());
        assertEquals(new BigDecimal("0.0134"), counts.estimatedShare());
        assertEquals(new BigDecimal("0.0034"), counts.editedShare());
        assertFalse(determinants.complete());
        assertFalse(determinants.isFinal());
    }

    @Test
    void theIntervalEndingAtMidnightOnTheFirstBelongsToTheMonthBefore() {
        BillingPeriod october = BillingPeriod.month(LONDON, 2013, 10);
        Reads reads = Reads.of(LONDON, 30).fill("2013-09-30", "2013-11-02", "0.500")
                .set("2013-09-30T23:30", "7.000") // ends 00:00 on 1 October: September's
                .set("2013-10-31T23:30", "3.000"); // ends 00:00 on 1 November: October's

        Determinants determinants = new DeterminantCalculator(TestSchedules.classic(ENGLAND, null), List.of())
                .calculate(october.whole("A"), 30, reads.slots(), null);

        assertEquals(new BigDecimal("747.500"), determinants.deliveredKwh()); // 745 − 0.5 + 3
        assertEquals(new IntervalCounts(1490, 1490, 0, 0), determinants.delivered());
    }

    @Test
    void aMonthSplitAtAMoveInGivesEachAccountItsOwnDeterminants() {
        BillingPeriod march = BillingPeriod.month(LONDON, 2013, 3);
        List<AccountPeriod> parts = march.split(List.of(
                AccountChange.onDate(LocalDate.parse("2013-02-01"), LONDON, "A"),
                new AccountChange(java.time.Instant.parse("2013-03-15T14:00:00Z"), "B")));
        Reads reads = Reads.of(LONDON, 30).fill("2013-03-01", "2013-04-01", "0.500");
        DeterminantCalculator calculator = new DeterminantCalculator(TestSchedules.classic(ENGLAND, null), List.of());

        Determinants a = calculator.calculate(parts.get(0), 30, reads.slots(), null);
        Determinants b = calculator.calculate(parts.get(1), 30, reads.slots(), null);

        assertEquals("A", a.accountPeriod().accountId());
        assertEquals(new BigDecimal("350.000"), a.deliveredKwh());
        assertEquals(new IntervalCounts(700, 700, 0, 0), a.delivered());
        assertEquals("B", b.accountPeriod().accountId());
        assertEquals(new BigDecimal("393.000"), b.deliveredKwh());
        assertEquals(new IntervalCounts(786, 786, 0, 0), b.delivered());
        assertTrue(a.isFinal() && b.isFinal());
    }

    @Test
    void kwhKeepThreeDecimalsRoundedHalfUpOnlyAtTheEnd() {
        LocalDate day = LocalDate.parse("2024-11-04");
        BillingPeriod period = new BillingPeriod(TestSchedules.LOS_ANGELES, day, day.plusDays(1));
        // 96 × 0.0001 = 0.0096 off the reads' fourth decimal: exact sums, one rounding to 0.010.
        Reads reads = Reads.of(TestSchedules.LOS_ANGELES, 15).fill("2024-11-04", "2024-11-05", "0.0001");

        Determinants determinants = new DeterminantCalculator(TestSchedules.classic(US_2024, null), List.of())
                .calculate(period.whole("A"), 15, reads.slots(), null);

        assertEquals(new BigDecimal("0.010"), determinants.deliveredKwh());
        assertEquals(new BigDecimal("0.004"), kwh(determinants, "off-peak")); // 40 × 0.0001
        assertEquals(new BigDecimal("0.004"), kwh(determinants, "mid-peak")); // 36 × 0.0001
        assertEquals(new BigDecimal("0.002"), kwh(determinants, "on-peak")); // 20 × 0.0001
    }

    /** 0.250 kWh every quarter-hour of the local days [from, to), 0.750 in each one starting 15:45. */
    static Reads quarterHours(ZoneId zone, LocalDate from, LocalDate to) {
        Reads reads = Reads.of(zone, 15).fill(from.toString(), to.toString(), "0.250");
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            reads.set(day + "T15:45", "0.750");
        }
        return reads;
    }

    static BigDecimal kwh(Determinants determinants, String period) {
        return determinants.period(period).orElseThrow().deliveredKwh();
    }
}
