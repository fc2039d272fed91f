package org.openmdms.vee.control.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.openmdms.meter.entity.Unit;
import org.openmdms.vee.control.Finding;
import org.openmdms.vee.control.ParameterSpec;
import org.openmdms.vee.control.ParameterType;
import org.openmdms.vee.control.RuleParameters;
import org.openmdms.vee.control.Severity;
import org.openmdms.vee.control.VeeContext;

/**
 * Interval demand above the service capacity: for a kW channel the value, for a kWh channel the
 * average demand value × 60 / interval minutes, against {@code capacityPercent} % of the service
 * capacity of the channel's usage point, in kW (the registry's {@code service_capacity_kw}). Not
 * judged when the capacity is unknown or the unit is neither kW nor kWh. Only measured intervals
 * count. One finding per run, with its highest demand.
 */
public final class MaxDemandRule extends CatalogueRule {

    public static final String ID = "max-demand";
    static final String CAPACITY_PERCENT = "capacityPercent";

    public MaxDemandRule() {
        super(ID, "Interval demand above the service capacity (kW)",
                List.of(new ParameterSpec(CAPACITY_PERCENT, ParameterType.PERCENT, "100",
                        "demand above this percentage of the service capacity is reported"),
                        RuleSeverity.parameter(Severity.WARNING)));
    }

    @Override
    public List<Finding> check(VeeContext context, RuleParameters parameters) {
        if (context.capacityKw() == null || (context.unit() != Unit.KW && context.unit() != Unit.KWH)) {
            return List.of();
        }
        BigDecimal limit = Percent.of(parameters.decimal(CAPACITY_PERCENT), context.capacityKw()).stripTrailingZeros();
        Severity severity = RuleSeverity.of(parameters);
        // value × 60 / minutes > limit, as value × 60 > limit × minutes: one multiplication per interval
        BigDecimal perInterval = context.unit() == Unit.KW ? limit
                : limit.multiply(BigDecimal.valueOf(context.judged().intervalMinutes()));
        BigDecimal scale = context.unit() == Unit.KW ? BigDecimal.ONE : SIXTY;
        return Run.of(context.judged().slots(), slot -> slot.isMeasured()
                        && slot.value().multiply(scale).compareTo(perInterval) > 0).stream()
                .map(run -> {
                    BigDecimal highest = demand(context, run.max());
                    return run.finding(ID, severity, "demand up to " + highest.toPlainString() + " kW in "
                            + run.length() + " intervals, above " + limit.toPlainString() + " kW", highest, limit);
                })
                .toList();
    }

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    /** The average demand in kW over an interval with this value. */
    private static BigDecimal demand(VeeContext context, BigDecimal value) {
        if (context.unit() == Unit.KW) {
            return value;
        }
        return value.multiply(BigDecimal.valueOf(60))
                .divide(BigDecimal.valueOf(context.judged().intervalMinutes()), MathContext.DECIMAL64)
                .stripTrailingZeros();
    }
}
