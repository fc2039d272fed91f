package org.openmdms.vee.control.rules;

import java.math.BigDecimal;
import java.util.List;
import org.openmdms.vee.control.Finding;
import org.openmdms.vee.control.ParameterSpec;
import org.openmdms.vee.control.ParameterType;
import org.openmdms.vee.control.RuleParameters;
import org.openmdms.vee.control.Severity;
import org.openmdms.vee.control.VeeContext;

/**
 * Values implausibly large for the channel, the usual sign of a wrong multiplier (a CT ratio applied
 * twice) or a wrong unit (Wh sent as kWh): measured values whose magnitude exceeds {@code ceiling}
 * in the channel's unit per interval. The reading type itself is not checked here: ingest refuses a
 * read whose unit, interval length or direction matches no channel of the usage point, so every
 * stored value already has the channel's reading type. One finding per run, with its largest
 * magnitude.
 */
public final class MultiplierUomRule extends CatalogueRule {

    public static final String ID = "multiplier-uom";
    static final String CEILING = "ceiling";

    public MultiplierUomRule() {
        super(ID, "Values above a plausibility ceiling for the channel's unit: likely multiplier or unit error",
                List.of(new ParameterSpec(CEILING, ParameterType.DECIMAL, "1000",
                        "largest plausible magnitude of one interval's value, in the channel's unit"),
                        RuleSeverity.parameter(Severity.WARNING)));
    }

    @Override
    public List<Finding> check(VeeContext context, RuleParameters parameters) {
        BigDecimal ceiling = parameters.decimal(CEILING);
        Severity severity = RuleSeverity.of(parameters);
        BigDecimal floor = ceiling.negate();
        return Run.of(context.judged().slots(), slot -> slot.isMeasured()
                        && (slot.value().compareTo(ceiling) > 0 || slot.value().compareTo(floor) < 0))
                .stream()
                .map(run -> {
                    BigDecimal largest = run.max().max(run.min().negate());
                    return run.finding(ID, severity, run.length() + " intervals above the plausible "
                            + ceiling.toPlainString() + " " + context.unit().symbol() + ", largest magnitude "
                            + largest.toPlainString() + ": check the multiplier and unit", largest, ceiling);
                })
                .toList();
    }
}
