package org.openmdms.vee.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A rule set as administrators see it: for every rule of the catalogue, whether it is enabled and
 * its parameters (the value set, or the default).
 */
public record RuleSetView(String name, String commodity, String customerClass, Instant updatedAt, String updatedBy,
        long version, List<Rule> rules) implements Serializable {

    /** One rule in the set. */
    public record Rule(String id, String description, boolean enabled, List<Parameter> parameters) implements Serializable {
    }

    /** One parameter: the value in force, whether it is the default, its type and meaning. */
    public record Parameter(String name, String type, String value, String defaultValue, boolean isDefault,
            String description) implements Serializable {
    }
}
