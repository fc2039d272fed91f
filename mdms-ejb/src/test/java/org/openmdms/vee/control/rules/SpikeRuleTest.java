package org.openmdms.vee.control.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openmdms.vee.control.rules.ContextBuilder.judging;
import static org.openmdms.vee.control.rules.RuleCheck.check;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmdms.vee.control.Finding;
import org.openmdms.vee.control.Severity;

class SpikeRuleTest {

    private final SpikeRule rule = new SpikeRule();

    @ParameterizedTest(name = "base {0}, value {1}, factor {2}, floor {3}: {4} spike(s)")
    @CsvSource({
            "0.5, 3.0, 5, 1, 1", // above 5 × 0.5 and above the floor
            "0.5, 2.5, 5, 1, 0", // exactly the limit is no spike
            "0.5, 3.0, 10, 1, 0", // a larger factor lets it pass
            "0.1, 0.9, 5, 1, 0", // 9 × its neighbours, but under the floor
            "0.1, 0.9, 5, 0.5, 1", // a lower floor catches it
            "0, 1.5, 5, 1, 1", // above the floor next to zeros
            "0.5, 0.5, 5, 0, 0"}) // a flat day has no spikes
    void aValueIsASpikeAboveFactorTimesItsNeighboursMeanAndAboveTheFloor(String base, String value, String factor,
            String floor, int spikes) {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all(base).actual(20, value);

        List<Finding> findings = check(rule, judging(series).build(), "factor", factor, "floor", floor);

        assertEquals(spikes, findings.size());
        if (spikes == 1) {
            assertEquals(series.end(20), findings.get(0).firstEnd());
            assertEquals(new BigDecimal(value), findings.get(0).value());
            assertEquals(Severity.WARNING, findings.get(0).severity());
        }
    }

    @ParameterizedTest(name = "neighbours {0}, value {1}: {2} spike(s)")
    @CsvSource({
            "1.000001, 5.000005, 0", // exactly the limit, a millionth above a round number
            "1.000001, 5.000006, 1", // one millionth above it
            "1.000001, 5.000004, 0",
            "0.333333, 1.666665, 0", // the limit in DECIMAL64 of a mean that is no round number
            "0.333333, 1.666666, 1",
            "123456.123456, 617280.617280, 0", // large values, at the limit
            "123456.123456, 617280.617281, 1"})
    void valuesAtTheLimitAreJudgedExactly(String base, String value, int spikes) {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all(base).actual(20, value);

        assertEquals(spikes, check(rule, judging(series).build(), "floor", "0").size());
    }

    @Test
    void theLimitIsFactorTimesTheMeanOfTheMeasuredNeighbours() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all("0.5").actual(19, "1.0").actual(20, "4.0");

        Finding finding = check(rule, judging(series).build()).get(0);

        // neighbours 16..24 without 20: seven at 0.5 and one at 1.0, mean 0.5625
        assertEquals(new BigDecimal("2.8125"), finding.limit());
    }

    @Test
    void estimatedValuesAreNeitherSpikesNorNeighbours() {
        SeriesBuilder estimatedSpike = SeriesBuilder.day("2013-01-15").all("0.5").estimated(20, 1, "3.0");
        SeriesBuilder estimatedNeighbours = SeriesBuilder.day("2013-01-15").all("0.5").estimated(16, 4, "2.0")
                .actual(20, "3.0");

        assertEquals(List.of(), check(rule, judging(estimatedSpike).build()));
        // counted, the estimates would lift the mean to 1.25 and hide the spike
        assertEquals(1, check(rule, judging(estimatedNeighbours).build()).size());
    }

    @Test
    void outageZerosAreNotNeighbours() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all("0.5").outage(16, 4).actual(20, "2.0");

        // counted as zeros, they would halve the mean to 0.25 and make 2.0 a spike
        assertEquals(List.of(), check(rule, judging(series).build()));
    }

    @Test
    void anIntervalWithFewerThanTwoMeasuredNeighboursIsNotJudged() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").actual(19, "0.1").actual(20, "5.0");

        assertEquals(List.of(), check(rule, judging(series).build()));
        assertEquals(1, check(rule, judging(series.actual(21, "0.1")).build()).size());
    }

    @Test
    void theWindowSetsHowManyNeighboursOnEachSide() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all("0.5").actual(16, "3.0").actual(24, "3.0")
                .actual(20, "3.0");

        // within 4 either side the two other peaks lift the mean to 1.125: limit 5.625
        assertEquals(List.of(), check(rule, judging(series).build(), "window", "4").stream()
                .filter(f -> f.firstEnd().equals(series.end(20))).toList());
        assertEquals(1, check(rule, judging(series).build(), "window", "2").stream()
                .filter(f -> f.firstEnd().equals(series.end(20))).count());
    }

    @Test
    void aSpikeInTheSkippedHourOfTheSpringDay() {
        SeriesBuilder series = SeriesBuilder.day("2013-03-31").all("0.5");
        int afterSkip = series.endingAt("2013-03-31T02:30");
        assertEquals(46, series.size());

        List<Finding> findings = check(rule, judging(series.actual(afterSkip, "6")).build());

        assertEquals(1, findings.size());
        assertEquals(java.time.Instant.parse("2013-03-31T01:30:00Z"), findings.get(0).firstEnd());
    }
}
