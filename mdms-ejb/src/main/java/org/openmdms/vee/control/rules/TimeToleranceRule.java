package org.openmdms.vee.control.rules;

import java.math.BigDecimal;
import java.util.List;
import org.openmdms.reading.entity.Quality;
import org.openmdms.vee.control.Finding;
import org.openmdms.vee.control.ParameterSpec;
import org.openmdms.vee.control.ParameterType;
import org.openmdms.vee.control.RuleParameters;
import org.openmdms.vee.control.Severity;
import org.openmdms.vee.control.Slot;
import org.openmdms.vee.control.VeeContext;

/**
 * Meter clock against head-end time. The interval store keeps no clock offset — head-ends do not send
 * one today — so the rule reports what the data do carry: the intervals the meter flagged
 * {@link Quality#CLOCK_ADJUSTED}, one finding per run, because their values may cover more or less
 * than the interval length. The tolerance parameter is kept for when head-end clock offsets are
 * received; until then it is not applied.
 */
public final class TimeToleranceRule extends CatalogueRule {

    public static final String ID = "time-tolerance";
    static final String TOLERANCE = "toleranceMinutes";

    public TimeToleranceRule() {
        super(ID, "Intervals in which the meter's clock was adjusted (clock offset against head-end time)",
                List.of(new ParameterSpec(TOLERANCE, ParameterType.MINUTES, "3",
                        "largest clock offset accepted, ± minutes; applies once head-end clock offsets are"
                                + " received (not yet: only clock-adjusted flags are reported)"),
                        RuleSeverity.parameter(Severity.WARNING)));
    }

    @Override
    public List<Finding> check(VeeContext context, RuleParameters parameters) {
        Severity severity = RuleSeverity.of(parameters);
        return Run.of(context.judged().slots(), TimeToleranceRule::clockAdjusted).stream()
                .map(run -> run.finding(ID, severity, "meter clock adjusted in " + run.length()
                        + " intervals; the offset is not known, values may cover more or less than the interval",
                        BigDecimal.valueOf(run.length()), null))
                .toList();
    }

    private static boolean clockAdjusted(Slot slot) {
        return !slot.isMissing() && Quality.has(slot.quality(), Quality.CLOCK_ADJUSTED);
    }
}
