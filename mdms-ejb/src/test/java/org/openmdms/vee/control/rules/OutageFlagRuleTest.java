package org.openmdms.vee.control.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openmdms.vee.control.rules.ContextBuilder.judging;
import static org.openmdms.vee.control.rules.RuleCheck.check;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmdms.reading.entity.Quality;
import org.openmdms.vee.control.Finding;
import org.openmdms.vee.control.Severity;

class OutageFlagRuleTest {

    private final OutageFlagRule rule = new OutageFlagRule();

    @Test
    void eachRunOfPowerOffIntervalsIsReportedForInformation() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all("0.5").outage(4, 3).outage(20, 1);

        List<Finding> findings = check(rule, judging(series).build());

        assertEquals(2, findings.size());
        assertEquals(Severity.INFO, findings.get(0).severity());
        assertEquals(series.end(4), findings.get(0).firstEnd());
        assertEquals(series.end(6), findings.get(0).lastEnd());
        assertEquals(BigDecimal.valueOf(3), findings.get(0).value());
        assertEquals(series.end(20), findings.get(1).firstEnd());
    }

    @Test
    void anOutageWithOtherFlagsAndANonZeroValueIsStillAnOutage() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all("0.5")
                .flagged(4, 1, Quality.POWER_OUTAGE | Quality.PARTIAL);

        assertEquals(1, check(rule, judging(series).build()).size());
    }

    @Test
    void zerosAndMissingIntervalsWithoutTheFlagAreNotOutages() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all("0").missing(4, 3)
                .flagged(10, 1, Quality.CLOCK_ADJUSTED);

        assertEquals(List.of(), check(rule, judging(series).build()));
    }

    @Test
    void anOutageAcrossTheSpringForward() {
        SeriesBuilder series = SeriesBuilder.day("2013-03-31").all("0.5");
        int from = series.endingAt("2013-03-31T00:30");

        // local 00:00 to 03:00 is two hours: four half-hours, two on each side of the change at 01:00 GMT
        Finding finding = check(rule, judging(series.outage(from, 4)).build(), "severity", "WARNING").get(0);

        assertEquals(java.time.Instant.parse("2013-03-31T00:30:00Z"), finding.firstEnd());
        assertEquals(java.time.Instant.parse("2013-03-31T02:00:00Z"), finding.lastEnd());
        assertEquals(series.endingAt("2013-03-31T03:00"), from + 3);
        assertEquals(Severity.WARNING, finding.severity());
    }
}
