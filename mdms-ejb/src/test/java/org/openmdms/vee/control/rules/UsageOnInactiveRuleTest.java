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
    void outageAndEstimatedValuesAreValuesToo() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").outage(0, 2).estimated(2, 2, "0.4");

        assertEquals(1, check(rule, judging(series).installed(series.end(20), null).build()).size());
    }
}
