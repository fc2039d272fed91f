package org.openmdms.vee.control;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameter values a rule set gives a rule, by name, as text; a parameter not set takes its
 * default from the rule's {@link ParameterSpec}. Values are checked against their type when read, and
 * by {@link #check} when an administrator sets them.
 */
public final class RuleParameters {

    private final Map<String, String> values;
    private final Map<String, ParameterSpec> specs = new HashMap<>();

    public RuleParameters(List<ParameterSpec> specs, Map<String, String> values) {
        this.values = Map.copyOf(values);
        specs.forEach(s -> this.specs.put(s.name(), s));
    }

    /** The defaults of the given parameters. */
    public static RuleParameters defaults(List<ParameterSpec> specs) {
        return new RuleParameters(specs, Map.of());
    }

    public String text(String name) {
        ParameterSpec spec = specs.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        String value = values.get(name);
        return value == null || value.isBlank() ? spec.defaultValue() : value.strip();
    }

    public int integer(String name) {
        return Integer.parseInt(text(name));
    }

    public BigDecimal decimal(String name) {
        return new BigDecimal(text(name));
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(text(name));
    }

    public Severity severity(String name) {
        return Severity.valueOf(text(name));
    }

    /** Refuses a value that is not of its parameter's type (or an unknown parameter), saying which and why. */
    public static void check(List<ParameterSpec> specs, Map<String, String> values) {
        for (Map.Entry<String, String> value : values.entrySet()) {
            ParameterSpec spec = specs.stream().filter(s -> s.name().equals(value.getKey())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown parameter " + value.getKey()));
            String text = value.getValue() == null ? "" : value.getValue().strip();
            try {
                switch (spec.type()) {
                    case INTEGER, MINUTES -> {
                        if (Integer.parseInt(text) < 0) {
                            throw new IllegalArgumentException("must not be negative");
                        }
                    }
                    case DECIMAL, PERCENT -> {
                        if (new BigDecimal(text).signum() < 0) {
                            throw new IllegalArgumentException("must not be negative");
                        }
                    }
                    case SEVERITY -> Severity.valueOf(text);
                    case BOOLEAN -> {
                        if (!text.equals("true") && !text.equals("false")) {
                            throw new IllegalArgumentException("must be true or false");
                        }
                    }
                    default -> throw new IllegalStateException(spec.type().name());
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(spec.name() + " = '" + text + "' is not a valid "
                        + spec.type().name().toLowerCase(java.util.Locale.ROOT)
                        + (e instanceof NumberFormatException ? "" : ": " + e.getMessage()));
            }
        }
    }
}
