package org.openmdms.vee.control.estimation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openmdms.vee.control.Estimate;
import org.openmdms.vee.control.Gap;
import org.openmdms.vee.control.RuleParameters;
import org.openmdms.vee.control.Slot;
import org.openmdms.vee.control.VeeContext;
import org.openmdms.vee.control.VeeContext.RegisterReading;

/**
 * Adjusts a gap's estimates to the register (DOMAIN.md §4): when register reads bound the gap, the
 * estimates are scaled by one factor so that the intervals between the two reads add up to the
 * register delta. The reads used are the last one at or before the start of the gap's first interval
 * and the first one at or after the end of its last interval, among reads on interval boundaries
 * (others cannot be compared with interval sums). With D the register delta, K the sum of the other
 * intervals between the reads (as stored: actual, edited, estimated or outage) and E the sum of the
 * estimates, each estimate becomes e × (D − K) / E, rounded to the stored scale, and the last one
 * takes the rounding remainder so that the sum is exact.
 *
 * <p>The estimates are returned unchanged — not an error — when no reads bound the gap, when another
 * interval between the reads is missing or outside the data (the delta cannot be attributed), when
 * D − K is negative (a register rollover or meter change) or when E is not positive. A scaled estimate
 * keeps its method's id with {@code +register-scaling} appended, e.g. {@code like-day+register-scaling}.
 * Not an {@link org.openmdms.vee.control.EstimationMethod}: it never fills a gap by itself.
 */
public final class RegisterScaling extends EstimationStep {

    public static final String ID = "register-scaling";

    public RegisterScaling() {
        super(ID, "Scales a gap's estimates so that the intervals between bounding register reads sum to the"
                + " register delta", List.of());
    }

    public List<Estimate> scale(VeeContext context, Gap gap, List<Estimate> estimates, RuleParameters parameters) {
        ChannelIntervals intervals = new ChannelIntervals(context);
        Instant gapStart = gap.firstEnd().minus(intervals.step());
        RegisterReading from = null;
        RegisterReading to = null;
        for (RegisterReading read : context.registerReads()) {
            if (!intervals.isBoundary(read.readAt())) {
                continue;
            }
            if (!read.readAt().isAfter(gapStart)) {
                from = read;
            } else if (to == null && !read.readAt().isBefore(gap.lastEnd())) {
                to = read;
            }
        }
        if (from == null || to == null) {
            return estimates;
        }
        Map<Instant, Estimate> byEnd = new TreeMap<>();
        estimates.forEach(e -> byEnd.put(e.end(), e));
        BigDecimal known = BigDecimal.ZERO;
        BigDecimal estimated = BigDecimal.ZERO;
        for (Instant end = from.readAt().plus(intervals.step()); !end.isAfter(to.readAt());
                end = end.plus(intervals.step())) {
            Estimate estimate = byEnd.get(end);
            Slot slot = intervals.slot(end);
            if (estimate != null) {
                estimated = estimated.add(estimate.value());
            } else if (slot == null || slot.isMissing()) {
                return estimates;
            } else {
                known = known.add(slot.value());
            }
        }
        BigDecimal remaining = to.value().subtract(from.value()).subtract(known);
        if (remaining.signum() < 0 || estimated.signum() <= 0) {
            return estimates;
        }
        return scaled(estimates, remaining, estimated);
    }

    private static List<Estimate> scaled(List<Estimate> estimates, BigDecimal target, BigDecimal sum) {
        List<Estimate> scaled = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < estimates.size(); i++) {
            Estimate estimate = estimates.get(i);
            BigDecimal value = i == estimates.size() - 1 ? target.subtract(given)
                    : EstimatedValues.divide(estimate.value().multiply(target), sum);
            given = given.add(value);
            scaled.add(EstimatedValues.of(estimate.end(), value, estimate.method() + "+" + ID));
        }
        return scaled;
    }
}
