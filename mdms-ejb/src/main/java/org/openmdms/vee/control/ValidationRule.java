package org.openmdms.vee.control;

import java.util.List;

/**
 * A validation check (DOMAIN.md §4): plain Java over immutable series, no database, no container —
 * the same series and parameters always give the same findings. Each rule has a stable id (the one
 * docs/vee-rules.md and the exceptions use), a description for administrators, and typed parameters
 * with defaults.
 */
public interface ValidationRule {

    String id();

    String description();

    List<ParameterSpec> parameters();

    /** Checks the days under judgement in the context; returns what failed, in time order. */
    List<Finding> check(VeeContext context, RuleParameters parameters);
}
