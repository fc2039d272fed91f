package org.openmdms.vee.control.estimation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openmdms.vee.control.Estimate;
import org.openmdms.vee.control.EstimationMethod;
import org.openmdms.vee.control.Gap;
import org.openmdms.vee.control.IntervalSeries;
import org.openmdms.vee.control.ParameterSpec;
import org.openmdms.vee.control.RuleParameters;
import org.openmdms.vee.control.Slot;
import org.openmdms.vee.control.VeeContext;

/**
 * Fills the gaps of the days under judgement (DOMAIN.md §4): each gap — a run of missing intervals;
 * outage-flagged intervals have a value and are not gaps — gets the estimates of the first method
 * that applies, in the order linear-interpolation, like-day; then register-scaling adjusts them where
 * register reads bound the gap. A gap no method applies to stays a gap. Deterministic: the same
 * context and parameters give the same estimates; idempotent: a gap filled with estimates is no
 * longer a gap, so running again over the stored result estimates nothing more.
 */
public final class EstimationChain {

    private final List<EstimationMethod> methods = List.of(new LinearInterpolation(), new LikeDayEstimation());
    private final RegisterScaling scaling = new RegisterScaling();

    /** The methods in the order they are tried. */
    public List<EstimationMethod> methods() {
        return methods;
    }

    public RegisterScaling scaling() {
        return scaling;
    }

    /** The estimates with every method's default parameters. */
    public List<Estimate> estimate(VeeContext context) {
        return estimate(context, Map.of());
    }

    /**
     * The estimates for the gaps of the judged days, in time order.
     *
     * @param parameters by method id (register-scaling included); a method not in it takes its defaults
     */
    public List<Estimate> estimate(VeeContext context, Map<String, RuleParameters> parameters) {
        List<Estimate> estimates = new ArrayList<>();
        for (Gap gap : gaps(context.judged())) {
            for (EstimationMethod method : methods) {
                List<Estimate> filled = method.estimate(context, gap, of(parameters, method.id(), method.parameters()));
                if (!filled.isEmpty()) {
                    estimates.addAll(scaling.scale(context, gap, filled,
                            of(parameters, scaling.id(), scaling.parameters())));
                    break;
                }
            }
        }
        return estimates;
    }

    /** The runs of missing intervals of a series, in time order. */
    public static List<Gap> gaps(IntervalSeries series) {
        List<Gap> gaps = new ArrayList<>();
        Instant first = null;
        Instant last = null;
        for (Slot slot : series.slots()) {
            if (slot.isMissing()) {
                first = first == null ? slot.end() : first;
                last = slot.end();
            } else if (first != null) {
                gaps.add(new Gap(first, last));
                first = null;
            }
        }
        if (first != null) {
            gaps.add(new Gap(first, last));
        }
        return gaps;
    }

    private static RuleParameters of(Map<String, RuleParameters> parameters, String id, List<ParameterSpec> specs) {
        return parameters.getOrDefault(id, RuleParameters.defaults(specs));
    }
}
