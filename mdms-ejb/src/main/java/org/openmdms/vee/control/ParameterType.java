package org.openmdms.vee.control;

/** The kinds of rule parameter an administrator sets, each checked when it is set. */
public enum ParameterType {
    /** A whole number, e.g. a count of intervals. */
    INTEGER,
    /** An exact decimal, e.g. a factor or a floor in the channel's unit. */
    DECIMAL,
    /** A percentage, e.g. 30 for ±30 %. */
    PERCENT,
    /** A length of time in minutes. */
    MINUTES,
    /** A severity name: INFO, WARNING, ERROR. */
    SEVERITY,
    /** true or false. */
    BOOLEAN
}
