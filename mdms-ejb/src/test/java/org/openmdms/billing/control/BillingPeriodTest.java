package org.openmdms.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openmdms.billing.control.TestSchedules.LONDON;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BillingPeriodTest {

    @ParameterizedTest(name = "{0} {1}-{2}: {3} to {4}, {5} h")
    @CsvSource({
        "Europe/London, 2013, 1, 2013-01-01T00:00:00Z, 2013-02-01T00:00:00Z, 744",
        "Europe/London, 2013, 3, 2013-03-01T00:00:00Z, 2013-03-31T23:00:00Z, 743",
        "Europe/London, 2013, 4, 2013-03-31T23:00:00Z, 2013-04-30T23:00:00Z, 720",
        "Europe/London, 2013, 10, 2013-09-30T23:00:00Z, 2013-11-01T00:00:00Z, 745",
        "America/Los_Angeles, 2024, 3, 2024-03-01T08:00:00Z, 2024-04-01T07:00:00Z, 743",
        "America/Los_Angeles, 2024, 11, 2024-11-01T07:00:00Z, 2024-12-01T08:00:00Z, 721",
    })
    void aMonthRunsFromTheStartOfItsFirstLocalDayToTheStartOfTheNextMonth(ZoneId zone, int year, int month,
            Instant start, Instant end, long hours) {
        BillingPeriod period = BillingPeriod.month(zone, year, month);

        assertEquals(start, period.startInstant());
        assertEquals(end, period.endInstant());
        assertEquals(Duration.ofHours(hours), period.length());
    }

    @ParameterizedTest(name = "{0} {1}-{2}, {3}-minute intervals: {4}")
    @CsvSource({
        "Europe/London, 2013, 1, 30, 1488",
        "Europe/London, 2013, 3, 30, 1486",
        "Europe/London, 2013, 10, 30, 1490",
        "Europe/London, 2013, 3, 15, 2972",
        "Europe/London, 2013, 10, 15, 2980",
        "America/Los_Angeles, 2024, 3, 15, 2972",
        "America/Los_Angeles, 2024, 11, 15, 2884",
        "America/Los_Angeles, 2024, 3, 60, 743",
        "America/Los_Angeles, 2024, 11, 60, 721",
        "America/Los_Angeles, 2024, 2, 5, 8352",
    })
    void expectedIntervalsComeFromTheRealLengthOfTheLocalDays(ZoneId zone, int year, int month, int minutes,
            int expected) {
        assertEquals(expected, BillingPeriod.month(zone, year, month).whole("A").expectedIntervals(minutes));
    }

    @ParameterizedTest(name = "move-in at {0}: A {1} half-hours, B {2}")
    @CsvSource({
        // 1–15 March to 14:00 GMT = 14 days + 28 half-hours; the rest includes the 46-half-hour DST day
        "2013-03-15T14:00, 700, 786",
        // a change inside a half-hour: the interval starting 14:00 starts with A, so it is A's
        "2013-03-15T14:10, 701, 785",
        "2013-03-31T00:00, 1440, 46",
        "2013-03-31T02:00, 1442, 44",
        "2013-03-01T00:30, 1, 1485",
    })
    void aMoveInSplitsTheMonthAndEachPartCountsItsOwnIntervals(LocalDateTime moveIn, int expectedA, int expectedB) {
        BillingPeriod march = BillingPeriod.month(LONDON, 2013, 3);
        Instant at = moveIn.atZone(LONDON).toInstant();

        List<AccountPeriod> parts = march.split(List.of(new AccountChange(at, "B"),
                new AccountChange(Instant.parse("2012-05-01T00:00:00Z"), "A")));

        assertEquals(2, parts.size());
        assertEquals(new AccountPeriod(march, "A", march.startInstant(), at), parts.get(0));
        assertEquals(new AccountPeriod(march, "B", at, march.endInstant()), parts.get(1));
        assertEquals(expectedA, parts.get(0).expectedIntervals(30));
        assertEquals(expectedB, parts.get(1).expectedIntervals(30));
    }

    @Test
    void aMoveOutToAVacancyAndALaterMoveInMakeThreeParts() {
        BillingPeriod march = BillingPeriod.month(LONDON, 2013, 3);

        List<AccountPeriod> parts = march.split(List.of(
                AccountChange.onDate(LocalDate.parse("2013-03-20"), LONDON, "B"),
                AccountChange.onDate(LocalDate.parse("2013-03-10"), LONDON, "VACANT"),
                AccountChange.onDate(LocalDate.parse("2012-01-01"), LONDON, "A"),
                AccountChange.onDate(LocalDate.parse("2013-04-01"), LONDON, "C")));

        assertEquals(List.of("A", "VACANT", "B"), parts.stream().map(AccountPeriod::accountId).toList());
        assertEquals(List.of(432, 480, 574), parts.stream().map(p -> p.expectedIntervals(30)).toList());
        assertEquals(Instant.parse("2013-03-20T00:00:00Z"), parts.get(2).start());
        assertEquals(Instant.parse("2013-03-31T23:00:00Z"), parts.get(2).end());
    }

    @Test
    void aChangeAtTheStartOrToTheSameAccountSplitsNothing() {
        BillingPeriod march = BillingPeriod.month(LONDON, 2013, 3);

        List<AccountPeriod> parts = march.split(List.of(
                AccountChange.onDate(LocalDate.parse("2013-03-01"), LONDON, "A"),
                AccountChange.onDate(LocalDate.parse("2013-03-10"), LONDON, "A")));

        assertEquals(List.of(march.whole("A")), parts);
    }

    @Test
    void aPeriodWithNoAccountAtItsStartIsRefused() {
        BillingPeriod march = BillingPeriod.month(LONDON, 2013, 3);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> march.split(List.of(AccountChange.onDate(LocalDate.parse("2013-03-10"), LONDON, "B"))));

        assertEquals("no account holds the usage point at the start of the period 2013-03-01 "
                + "(2013-03-01T00:00:00Z); the first change is at 2013-03-10T00:00:00Z", refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> march.split(List.of()));
    }

    @Test
    void anEmptyPeriodIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new BillingPeriod(LONDON, LocalDate.parse("2013-03-01"), LocalDate.parse("2013-03-01")));
        assertThrows(IllegalArgumentException.class, () -> new AccountPeriod(BillingPeriod.month(LONDON, 2013, 3),
                "A", Instant.parse("2013-02-28T00:00:00Z"), Instant.parse("2013-03-02T00:00:00Z")));
    }
}
