package org.openmdms.vee.control.estimation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openmdms.vee.control.Estimate;
import org.openmdms.vee.control.EstimationMethod;
import org.openmdms.vee.control.Gap;
import org.openmdms.vee.control.ParameterSpec;
import org.openmdms.vee.control.ParameterType;
import org.openmdms.vee.control.RuleParameters;
import org.openmdms.vee.control.Slot;
import org.openmdms.vee.control.VeeContext;

/**
 * Fills a short gap on the straight line between its end points, the intervals just before and just
 * after it (DOMAIN.md §4): with n missing intervals between values a and b, the k-th is
 * a + (b − a) × k / (n + 1). Only measured intervals serve as end points — actual or edited, never an
 * outage-flagged interval and never an earlier estimate, so that estimates are not built on estimates
 * and the result does not depend on what was estimated before. With one usable end point only (the
 * start or end of the data, an outage or an estimate on the other side) the gap is filled flat with
 * that end point's value. A gap longer than {@code maxGapMinutes}, or with no usable end point, is
 * left to the next method.
 */
public final class LinearInterpolation extends EstimationStep implements EstimationMethod {

    public static final String ID = "linear-interpolation";
    public static final String MAX_GAP_MINUTES = "maxGapMinutes";

    public LinearInterpolation() {
        super(ID, "Short gaps: straight line between the measured intervals either side, flat fill from one side",
                List.of(new ParameterSpec(MAX_GAP_MINUTES, ParameterType.MINUTES, "120",
                        "Longest gap filled, in minutes of missing intervals")));
    }

    @Override
    public List<Estimate> estimate(VeeContext context, Gap gap, RuleParameters parameters) {
        ChannelIntervals intervals = new ChannelIntervals(context);
        List<Instant> ends = intervals.ends(gap);
        if ((long) ends.size() * context.judged().intervalMinutes() > parameters.integer(MAX_GAP_MINUTES)) {
            return List.of();
        }
        BigDecimal before = endPoint(intervals.slot(gap.firstEnd().minus(intervals.step())));
        BigDecimal after = endPoint(intervals.slot(gap.lastEnd().plus(intervals.step())));
        if (before == null && after == null) {
            return List.of();
        }
        BigDecimal steps = BigDecimal.valueOf(ends.size() + 1L);
        List<Estimate> estimates = new ArrayList<>();
        for (int k = 1; k <= ends.size(); k++) {
            BigDecimal value = before == null ? after
                    : after == null ? before
                    : EstimatedValues.divide(before.multiply(steps).add(after.subtract(before)
                            .multiply(BigDecimal.valueOf(k))), steps);
            estimates.add(EstimatedValues.of(ends.get(k - 1), value, ID));
        }
        return estimates;
    }

    private static BigDecimal endPoint(Slot slot) {
        return slot != null && slot.isMeasured() ? slot.value() : null;
    }
}
