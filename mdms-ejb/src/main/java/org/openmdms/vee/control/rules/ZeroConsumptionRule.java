package org.openmdms.vee.control.rules;

import java.math.BigDecimal;
import java.util.List;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.vee.control.Finding;
import org.openmdms.vee.control.ParameterSpec;
import org.openmdms.vee.control.ParameterType;
import org.openmdms.vee.control.RuleParameters;
import org.openmdms.vee.control.Severity;
import org.openmdms.vee.control.Slot;
import org.openmdms.vee.control.VeeContext;

/**
 * An installed meter on a delivered channel that measured zero for too long: a run of consecutive
 * measured zeros, while a meter is installed, lasting at least {@code minutes} (1440: 48 half-hours).
 * Zeros flagged power-off are not consumption readings and break a run, as do missing and estimated
 * intervals. Received and net channels are not judged: zero export at night is normal. One finding
 * per run.
 */
public final class ZeroConsumptionRule extends CatalogueRule {

    public static final String ID = "zero-consumption";
    static final String MINUTES = "minutes";

    public ZeroConsumptionRule() {
        super(ID, "Zero measured consumption on a delivered channel for N consecutive minutes",
                List.of(new ParameterSpec(MINUTES, ParameterType.MINUTES, "1440",
                        "shortest run of zeros reported, in minutes (1440: 48 half-hours, 96 quarter-hours)"),
                        RuleSeverity.parameter(Severity.WARNING)));
    }

    @Override
    public List<Finding> check(VeeContext context, RuleParameters parameters) {
        if (context.direction() != FlowDirection.DELIVERED) {
            return List.of();
        }
        int interval = context.judged().intervalMinutes();
        int shortest = Math.max(1, (parameters.integer(MINUTES) + interval - 1) / interval);
        Severity severity = RuleSeverity.of(parameters);
        return Run.of(context.judged().slots(), slot -> measuredZero(context, slot), (previous, next) -> true, shortest)
                .stream()
                .map(run -> run.finding(ID, severity, "zero consumption for " + run.length() + " intervals ("
                        + run.length() * interval + " minutes)", BigDecimal.valueOf(run.length()),
                        BigDecimal.valueOf(shortest)))
                .toList();
    }

    private static boolean measuredZero(VeeContext context, Slot slot) {
        return slot.isMeasured() && slot.value().signum() == 0 && context.installedAt(start(context, slot));
    }
}
