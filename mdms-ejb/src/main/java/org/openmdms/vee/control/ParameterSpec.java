package org.openmdms.vee.control;

/** A parameter a rule or an estimation method takes: its name, type, default (as text) and meaning. */
public record ParameterSpec(String name, ParameterType type, String defaultValue, String description) {
}
