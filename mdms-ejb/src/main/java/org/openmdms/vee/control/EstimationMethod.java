package org.openmdms.vee.control;

import java.util.List;

/**
 * A way to fill a gap (DOMAIN.md §4): plain Java over immutable series, deterministic. Returns an
 * estimate for every interval of the gap it can fill, or none where it does not apply (too long, no
 * usable neighbours or like days); the estimation chain then tries the next method.
 */
public interface EstimationMethod {

    String id();

    String description();

    List<ParameterSpec> parameters();

    List<Estimate> estimate(VeeContext context, Gap gap, RuleParameters parameters);
}
