package org.openmdms.vee.control.rules;

import java.time.Instant;
import java.util.List;
import org.openmdms.vee.control.ParameterSpec;
import org.openmdms.vee.control.Slot;
import org.openmdms.vee.control.ValidationRule;
import org.openmdms.vee.control.VeeContext;

/**
 * A rule of the catalogue ({@link VeeRules}): its stable id, description and parameters are fixed
 * when it is made; rules hold no other state, so one instance serves every channel.
 */
abstract class CatalogueRule implements ValidationRule {

    private final String id;
    private final String description;
    private final List<ParameterSpec> parameters;

    CatalogueRule(String id, String description, List<ParameterSpec> parameters) {
        this.id = id;
        this.description = description;
        this.parameters = List.copyOf(parameters);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<ParameterSpec> parameters() {
        return parameters;
    }

    /** When an interval starts: installation and day placement go by the start (DOMAIN.md §4b). */
    static Instant start(VeeContext context, Slot slot) {
        return slot.end().minus(context.judged().step());
    }

    @Override
    public String toString() {
        return id;
    }
}
