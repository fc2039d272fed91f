package org.openmdms.vee.control.rules;

import java.util.List;
import org.openmdms.vee.control.Finding;
import org.openmdms.vee.control.IntervalSeries;
import org.openmdms.vee.control.RuleParameters;
import org.openmdms.vee.control.Severity;
import org.openmdms.vee.control.VeeContext;

/**
 * Values at intervals when no meter was installed at the usage point: the start of the interval is
 * covered by no installation span. Every present value counts, whatever its source or flags. One
 * finding per run, with the run's total.
 */
public final class UsageOnInactiveRule extends CatalogueRule {

    public static final String ID = "usage-on-inactive";

    public UsageOnInactiveRule() {
        super(ID, "Values at intervals when no meter was installed at the usage point",
                List.of(RuleSeverity.parameter(Severity.ERROR)));
    }

    @Override
    public List<Finding> check(VeeContext context, RuleParameters parameters) {
        if (context.installedThroughout()) {
            return List.of();
        }
        Severity severity = RuleSeverity.of(parameters);
        return Run.of(context.judged().slots(),
                slot -> !slot.isMissing() && !context.installedAt(start(context, slot))).stream()
                .map(run -> run.finding(ID, severity, run.length() + " intervals with values while no meter was"
                        + " installed", IntervalSeries.total(run.slots()), null))
                .toList();
    }
}
