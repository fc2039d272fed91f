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
 * A stuck register or a frozen pulse count: the same non-zero measured value in at least
 * {@code intervals} consecutive intervals (values equal as numbers: 0.50 equals 0.5). Estimated,
 * outage and missing intervals break a run — a flat estimate is not evidence of a stuck meter — and
 * zeros are left to zero-consumption. One finding per run.
 */
public final class FlatLineRule extends CatalogueRule {

    public static final String ID = "flat-line";
    static final String INTERVALS = "intervals";

    public FlatLineRule() {
        super(ID, "The same non-zero measured value in N consecutive intervals",
                List.of(new ParameterSpec(INTERVALS, ParameterType.INTEGER, "12",
                        "shortest run of one repeated value reported, in intervals"),
                        RuleSeverity.parameter(Severity.WARNING)));
    }

    @Override
    public List<Finding> check(VeeContext context, RuleParameters parameters) {
        int shortest = Math.max(2, parameters.integer(INTERVALS));
        Severity severity = RuleSeverity.of(parameters);
        return Run.of(context.judged().slots(), slot -> slot.isMeasured() && slot.value().signum() != 0,
                        (previous, next) -> previous.value().compareTo(next.value()) == 0, shortest).stream()
                .map(run -> run.finding(ID, severity, "value " + run.max().toPlainString() + " repeated in "
                        + run.length() + " consecutive intervals", run.max(), BigDecimal.valueOf(shortest)))
                .toList();
    }
}
