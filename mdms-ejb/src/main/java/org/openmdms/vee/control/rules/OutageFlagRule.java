package org.openmdms.vee.control.rules;

import java.math.BigDecimal;
import java.util.List;
import org.openmdms.reading.entity.Quality;
import org.openmdms.vee.control.Finding;
import org.openmdms.vee.control.RuleParameters;
import org.openmdms.vee.control.Severity;
import org.openmdms.vee.control.Slot;
import org.openmdms.vee.control.VeeContext;

/**
 * Intervals the meter flagged power-off ({@link Quality#POWER_OUTAGE}), reported for information so
 * that analysts see the outage. Their values (usually zero) are not consumption readings: the other
 * rules skip them — they are present for missing-intervals, break runs for zero-consumption and
 * flat-line, are no neighbours for spike and make a day unfit for high-low-usage — and estimation
 * never uses them as end points. One finding per run.
 */
public final class OutageFlagRule extends CatalogueRule {

    public static final String ID = "outage-flag";

    public OutageFlagRule() {
        super(ID, "Intervals flagged power-off by the meter: not real zeros",
                List.of(RuleSeverity.parameter(Severity.INFO)));
    }

    @Override
    public List<Finding> check(VeeContext context, RuleParameters parameters) {
        Severity severity = RuleSeverity.of(parameters);
        return Run.of(context.judged().slots(), Slot::isOutage).stream()
                .map(run -> run.finding(ID, severity, "power off in " + run.length() + " intervals",
                        BigDecimal.valueOf(run.length()), null))
                .toList();
    }
}
