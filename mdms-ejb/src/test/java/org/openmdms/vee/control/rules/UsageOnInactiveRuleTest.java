package org.openmdms.vee.control.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openmdms.vee.control.rules.ContextBuilder.judging;
import static org.openmdms.vee.control.rules.RuleCheck.check;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmdms.vee.control.Finding;
import org.openmdms.vee.control.Severity;

class UsageOnInactiveRuleTest {

    private final UsageOnInactiveRule rule = new UsageOnInactiveRule();

    @Test
    void valuesWhileAMeterIsInstalledPass() {
        assertEquals(List.of(), check(rule, judging(SeriesBuilder.day("2013-01-15").all("0.5")).build()));
    }

    @Test
    void valuesBeforeTheInstallationAreOneFinding() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all("0.5");
        // installed at the end of interval 9: interval 10 starts then and is covered, 9 is not
        List<Finding> findings = check(rule, judging(series).installed(series.end(9), null).build());

        assertEquals(1, findings.size());
        assertEquals(series.end(0), findings.get(0).firstEnd());
        assertEquals(series.end(9), findings.get(0).lastEnd());
        assertEquals(new BigDecimal("5.0"), findings.get(0).value());
        assertEquals(Severity.ERROR, findings.get(0).severity());
    }

    @Test
    void valuesAfterTheRemovalAreReportedAndMissingIntervalsAreNot() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all("0.5").missing(40, 2);

        List<Finding> findings = check(rule, judging(series)
                .installed(java.time.Instant.parse("2012-01-01T00:00:00Z"), series.end(29)).build());

        assertEquals(2, findings.size());
        assertEquals(series.end(30), findings.get(0).firstEnd());
        assertEquals(series.end(39), findings.get(0).lastEnd());
        assertEquals(series.end(42), findings.get(1).firstEnd());
    }

    @Test
    void anInstallationCoversAnIntervalByItsStart() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all("0.5");
        java.time.Instant firstStart = series.end(0).minus(java.time.Duration.ofMinutes(30));
        java.time.Instant lastEnd = series.end(series.size() - 1);
        java.time.Instant lastStart = lastEnd.minus(java.time.Duration.ofMinutes(30));

        assertEquals(List.of(), check(rule, judging(series).installed(firstStart, lastStart.plusSeconds(1)).build()));
        // removed as the last interval starts: that interval is not covered
        List<Finding> cut = check(rule, judging(series).installed(firstStart, lastStart).build());
        assertEquals(1, cut.size());
        assertEquals(lastEnd, cut.get(0).firstEnd());
        List<Finding> late = check(rule, judging(series).installed(firstStart.plusSeconds(1), null).build());
        assertEquals(1, late.size());
        assertEquals(series.end(0), late.get(0).lastEnd());
    }

    @Test
    void aMeterExchangeInsideTheDayLeavesNoIntervalUncovered() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all("0.5");

        assertEquals(List.of(), check(rule, judging(series)
                .installed(java.time.Instant.parse("2012-01-01T00:00:00Z"), series.end(20))
                .alsoInstalled(series.end(20), null).build()));
        // removed at the end of interval 20 and the new one installed an interval later: interval 21 is uncovered
        List<Finding> gap = check(rule, judging(series)
                .installed(java.time.Instant.parse("2012-01-01T00:00:00Z"), series.end(20))
                .alsoInstalled(series.end(21), null).build());
        assertEquals(1, gap.size());
        assertEquals(series.end(21), gap.get(0).firstEnd());
        assertEquals(series.end(21), gap.get(0).lastEnd());
    }

    @Test
    void outageAndEstimatedValuesAreValuesToo() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").outage(0, 2).estimated(2, 2, "0.4");

        assertEquals(1, check(rule, judging(series).installed(series.end(20), null).build()).size());
    }
}
