package org.openmdms.vee.control.rules;

import java.math.BigDecimal;
import java.util.List;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.vee.control.Finding;
import org.openmdms.vee.control.RuleParameters;
import org.openmdms.vee.control.Severity;
import org.openmdms.vee.control.VeeContext;

/**
 * Negative values on a delivered energy (or volume) channel: interval values are already deltas, so
 * a negative one is never real consumption. Every present value counts, estimated ones too (a
 * negative estimate would be billed just the same). Rates (kW) and received or net channels are not
 * judged. One finding per run, with its most negative value.
 */
public final class NegativeConsumptionRule extends CatalogueRule {

    public static final String ID = "negative-consumption";

    public NegativeConsumptionRule() {
        super(ID, "Negative interval values on a delivered energy channel",
                List.of(RuleSeverity.parameter(Severity.ERROR)));
    }

    @Override
    public List<Finding> check(VeeContext context, RuleParameters parameters) {
        if (context.direction() != FlowDirection.DELIVERED || !context.unit().accumulating()) {
            return List.of();
        }
        Severity severity = RuleSeverity.of(parameters);
        return Run.of(context.judged().slots(), slot -> !slot.isMissing() && slot.value().signum() < 0).stream()
                .map(run -> run.finding(ID, severity, run.length() + " negative intervals on a delivered channel,"
                        + " lowest " + run.min().toPlainString(), run.min(), BigDecimal.ZERO))
                .toList();
    }
}
