package org.openmdms.vee.control.estimation;

import java.util.List;
import org.openmdms.vee.control.ParameterSpec;

/**
 * What an administrator sees of a step of the estimation chain: its stable id (the one
 * docs/vee-estimation.md and the estimates use), a description and its typed parameters.
 */
abstract class EstimationStep {

    private final String id;
    private final String description;
    private final List<ParameterSpec> parameters;

    EstimationStep(String id, String description, List<ParameterSpec> parameters) {
        this.id = id;
        this.description = description;
        this.parameters = List.copyOf(parameters);
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public List<ParameterSpec> parameters() {
        return parameters;
    }
}
