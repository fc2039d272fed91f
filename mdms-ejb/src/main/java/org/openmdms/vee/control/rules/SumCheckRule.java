package org.openmdms.vee.control.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openmdms.vee.control.Finding;
import org.openmdms.vee.control.IntervalSeries;
import org.openmdms.vee.control.ParameterSpec;
import org.openmdms.vee.control.ParameterType;
import org.openmdms.vee.control.RuleParameters;
import org.openmdms.vee.control.Severity;
import org.openmdms.vee.control.Slot;
import org.openmdms.vee.control.VeeContext;
import org.openmdms.vee.control.VeeContext.RegisterReading;

/**
 * The intervals between two register reads against the register's advance. Only register reads taken
 * on an interval boundary inside the judged range are used (the start of the first judged day up to
 * the end of the last interval), each with the next such read; the pair is checked when no interval
 * between them is missing. The sum passes when it differs from the register delta by no more than
 * the larger of {@code tolerancePercent} % of the delta and {@code toleranceAbsolute} in the
 * channel's unit. Estimated and outage values count in the sum — they are what would be billed. A
 * register that went backwards (rollover or meter exchange) is not judged, nor are rates (kW). One
 * finding per pair, over the intervals between.
 */
public final class SumCheckRule extends CatalogueRule {

    public static final String ID = "sum-check";
    static final String PERCENT = "tolerancePercent";
    static final String ABSOLUTE = "toleranceAbsolute";

    public SumCheckRule() {
        super(ID, "Sum of the intervals between two register reads against the register delta",
                List.of(new ParameterSpec(PERCENT, ParameterType.PERCENT, "2",
                        "difference accepted, as a percentage of the register delta"),
                        new ParameterSpec(ABSOLUTE, ParameterType.DECIMAL, "0.5",
                                "difference always accepted, in the channel's unit (kWh)"),
                        RuleSeverity.parameter(Severity.ERROR)));
    }

    @Override
    public List<Finding> check(VeeContext context, RuleParameters parameters) {
        if (!context.unit().accumulating()) {
            return List.of();
        }
        BigDecimal percent = parameters.decimal(PERCENT);
        BigDecimal absolute = parameters.decimal(ABSOLUTE);
        Severity severity = RuleSeverity.of(parameters);
        List<RegisterReading> reads = context.registerReads().stream().filter(read -> onBoundary(context, read.readAt()))
                .toList();
        List<Finding> findings = new ArrayList<>();
        for (int i = 1; i < reads.size(); i++) {
            RegisterReading from = reads.get(i - 1);
            RegisterReading to = reads.get(i);
            BigDecimal delta = to.value().subtract(from.value());
            if (!to.readAt().isAfter(from.readAt()) || delta.signum() < 0) {
                continue;
            }
            List<Slot> between = between(context.judged(), from.readAt(), to.readAt());
            if (between.stream().anyMatch(Slot::isMissing)) {
                continue;
            }
            BigDecimal sum = IntervalSeries.total(between);
            BigDecimal difference = sum.subtract(delta).abs();
            BigDecimal allowed = Percent.of(percent, delta).max(absolute);
            if (difference.compareTo(allowed) > 0) {
                findings.add(new Run(between).finding(ID, severity, "intervals sum to " + sum.toPlainString()
                        + " but the register advanced " + delta.toPlainString() + " from " + from.readAt() + " to "
                        + to.readAt() + ": difference " + difference.toPlainString() + ", accepted "
                        + allowed.toPlainString(), difference, allowed));
            }
        }
        return findings;
    }

    /** An interval boundary inside the judged range: its start or the end of one of its intervals. */
    private static boolean onBoundary(VeeContext context, Instant instant) {
        IntervalSeries judged = context.judged();
        return instant.equals(judged.slots().get(0).end().minus(judged.step())) || judged.at(instant) != null;
    }

    /** The intervals that end after {@code from} and no later than {@code to}. */
    private static List<Slot> between(IntervalSeries judged, Instant from, Instant to) {
        return judged.slots().subList(judged.indexOf(from) + 1, judged.indexOf(to) + 1);
    }
}
