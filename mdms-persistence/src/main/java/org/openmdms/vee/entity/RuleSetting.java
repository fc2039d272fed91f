package org.openmdms.vee.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** One rule in a rule set: enabled or not, and its parameter values as a JSON object of texts. */
@Embeddable
public class RuleSetting {

    @Column(nullable = false)
    private boolean enabled;

    @Column(nullable = false, length = 4000)
    private String parameters;

    protected RuleSetting() {
    }

    public RuleSetting(boolean enabled, String parameters) {
        this.enabled = enabled;
        this.parameters = parameters == null || parameters.isBlank() ? "{}" : parameters;
    }

    public boolean enabled() {
        return enabled;
    }

    /** JSON object: parameter name to value text; a parameter not in it takes the rule's default. */
    public String parameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleSetting other && enabled == other.enabled && parameters.equals(other.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, parameters);
    }
}
