package org.openmdms.vee.control.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openmdms.vee.control.rules.ContextBuilder.judging;
import static org.openmdms.vee.control.rules.RuleCheck.check;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmdms.meter.entity.Unit;
import org.openmdms.vee.control.Finding;

/** A day of 48 half-hours at 0.5 kWh: the register should advance 24 kWh from midnight to midnight. */
class SumCheckRuleTest {

    private static final Instant MIDNIGHT = Instant.parse("2013-01-15T00:00:00Z");
    private static final Instant NEXT_MIDNIGHT = Instant.parse("2013-01-16T00:00:00Z");

    private final SumCheckRule rule = new SumCheckRule();

    private static ContextBuilder day(String to) {
        return judging(SeriesBuilder.day("2013-01-15").all("0.5")).register(MIDNIGHT, "1000").register(NEXT_MIDNIGHT, to);
    }

    @ParameterizedTest(name = "register to {0}, tolerance {1} % or {2}: {3} finding(s)")
    @CsvSource({
            "1024, 2, 0.5, 0", // exact
            "1024.5, 2, 0.5, 0", // within 0.5 kWh (and 2 % of 24.5 = 0.49)
            "1024.51, 2, 0.5, 1", // beyond both
            "1023.5, 2, 0.5, 0", // below, within 0.5 kWh
            "1026, 2, 0.5, 1", // 2 kWh off
            "1026, 10, 0.5, 0", // within 10 % of 26
            "1026, 2, 2, 0"}) // within 2 kWh
    void theIntervalSumMustMatchTheRegisterDeltaWithinTheLargerTolerance(String to, String percent, String absolute,
            int expected) {
        List<Finding> findings = check(rule, day(to).build(), "tolerancePercent", percent, "toleranceAbsolute", absolute);

        assertEquals(expected, findings.size());
        if (expected == 1) {
            assertEquals(Instant.parse("2013-01-15T00:30:00Z"), findings.get(0).firstEnd());
            assertEquals(NEXT_MIDNIGHT, findings.get(0).lastEnd());
        }
    }

    @Test
    void eachPairOfConsecutiveReadsIsChecked() {
        Instant noon = Instant.parse("2013-01-15T12:00:00Z");
        List<Finding> findings = check(rule, judging(SeriesBuilder.day("2013-01-15").all("0.5"))
                .register(MIDNIGHT, "1000").register(noon, "1015").register(NEXT_MIDNIGHT, "1027").build());

        assertEquals(1, findings.size());
        assertEquals(Instant.parse("2013-01-15T00:30:00Z"), findings.get(0).firstEnd());
        assertEquals(noon, findings.get(0).lastEnd());
        assertEquals(new BigDecimal("3.0"), findings.get(0).value());
    }

    @Test
    void readsOffAnIntervalBoundaryOrOutsideTheJudgedDaysAreNotUsed() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all("0.5");

        assertEquals(List.of(), check(rule, judging(series).register(Instant.parse("2013-01-15T00:10:00Z"), "1000")
                .register(NEXT_MIDNIGHT, "1090").build()));
        assertEquals(List.of(), check(rule, judging(series).register(MIDNIGHT.minusSeconds(1800), "1000")
                .register(NEXT_MIDNIGHT, "1090").build()));
        assertEquals(List.of(), check(rule, judging(series).register(MIDNIGHT, "1000")
                .register(NEXT_MIDNIGHT.plusSeconds(1800), "1090").build()));
    }

    @Test
    void aMissingIntervalBetweenTheReadsSkipsThePair() {
        assertEquals(List.of(), check(rule, judging(SeriesBuilder.day("2013-01-15").all("0.5").missing(47, 1))
                .register(MIDNIGHT, "1000").register(NEXT_MIDNIGHT, "1090").build()));
    }

    @Test
    void estimatedAndOutageValuesCountInTheSum() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all("0.5").estimated(0, 4, "1").outage(10, 2);

        assertEquals(List.of(), check(rule, judging(series).register(MIDNIGHT, "1000").register(NEXT_MIDNIGHT, "1025")
                .build()));
    }

    @Test
    void aRegisterThatWentBackwardsAndRateChannelsAreNotJudged() {
        assertEquals(List.of(), check(rule, day("999").build()));
        assertEquals(List.of(), check(rule, day("1090").unit(Unit.KW).build()));
    }

    @Test
    void theAutumnDayHasFiftyIntervals() {
        Instant start = Instant.parse("2013-10-26T23:00:00Z");
        Instant end = Instant.parse("2013-10-28T00:00:00Z");
        ContextBuilder context = judging(SeriesBuilder.day("2013-10-27").all("0.5")).register(start, "1000");

        assertEquals(List.of(), check(rule, context.register(end, "1025").build()));
    }

    @Test
    void acrossTheMonthBoundary() {
        SeriesBuilder series = SeriesBuilder.halfHours("2013-01-31", "2013-02-02").all("0.5");
        ContextBuilder context = judging(series).register(Instant.parse("2013-01-31T12:00:00Z"), "1000")
                .register(Instant.parse("2013-02-01T12:00:00Z"), "1030");

        assertEquals(1, check(rule, context.build()).size());
    }
}
