package org.openmdms.vee.control.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.openmdms.vee.control.Finding;
import org.openmdms.vee.control.IntervalSeries;
import org.openmdms.vee.control.RuleParameters;
import org.openmdms.vee.control.Severity;
import org.openmdms.vee.control.Slot;
import org.openmdms.vee.control.VeeContext;

/**
 * Intervals expected but not received. The series has a slot for every expected interval of each
 * local day (46, 48 or 50 half-hours in London, 92, 96 or 100 quarter-hours), so a missing interval is
 * a slot without a value; one finding per run of consecutive missing intervals, which may cross a day
 * or month boundary. Intervals flagged power-off are present, not missing.
 */
public final class MissingIntervalsRule extends CatalogueRule {

    public static final String ID = "missing-intervals";

    public MissingIntervalsRule() {
        super(ID, "Expected intervals of the day (92/96/100 quarter-hours on DST days) not received",
                List.of(RuleSeverity.parameter(Severity.ERROR)));
    }

    @Override
    public List<Finding> check(VeeContext context, RuleParameters parameters) {
        IntervalSeries judged = context.judged();
        Severity severity = RuleSeverity.of(parameters);
        return Run.of(judged.slots(), Slot::isMissing).stream()
                .map(run -> run.finding(ID, severity, message(judged, run), BigDecimal.valueOf(run.length()), null))
                .toList();
    }

    private static String message(IntervalSeries judged, Run run) {
        String days = judged.dayOf(run.firstEnd()).datesUntil(judged.dayOf(run.lastEnd()).plusDays(1))
                .map(day -> day + " has " + present(judged.day(day)) + " of " + judged.expectedCount(day))
                .collect(Collectors.joining(", "));
        return run.length() + " consecutive intervals missing; " + days;
    }

    private static long present(List<Slot> day) {
        return day.stream().filter(slot -> !slot.isMissing()).count();
    }
}
