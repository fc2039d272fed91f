package org.openmdms.vee.control.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openmdms.vee.control.rules.ContextBuilder.judging;
import static org.openmdms.vee.control.rules.RuleCheck.check;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmdms.reading.entity.Quality;
import org.openmdms.vee.control.Finding;
import org.openmdms.vee.control.RuleParameters;
import org.openmdms.vee.control.Severity;

class TimeToleranceRuleTest {

    private final TimeToleranceRule rule = new TimeToleranceRule();

    @Test
    void eachRunOfClockAdjustedIntervalsIsReported() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all("0.5").flagged(3, 2, Quality.CLOCK_ADJUSTED)
                .flagged(30, 1, Quality.CLOCK_ADJUSTED | Quality.QUESTIONABLE);

        List<Finding> findings = check(rule, judging(series).build());

        assertEquals(2, findings.size());
        assertEquals(series.end(3), findings.get(0).firstEnd());
        assertEquals(series.end(4), findings.get(0).lastEnd());
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertEquals(series.end(30), findings.get(1).lastEnd());
    }

    @Test
    void intervalsWithoutTheFlagPass() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all("0.5").missing(3, 2).outage(10, 2)
                .flagged(20, 1, Quality.QUESTIONABLE);

        assertEquals(List.of(), check(rule, judging(series).build()));
    }

    @Test
    void theToleranceIsAParameterOfThreeMinutesNotYetApplied() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all("0.5").flagged(3, 1, Quality.CLOCK_ADJUSTED);

        assertEquals(3, RuleParameters.defaults(rule.parameters()).integer("toleranceMinutes"));
        assertEquals(check(rule, judging(series).build()), check(rule, judging(series).build(), "toleranceMinutes", "10"));
    }
}
