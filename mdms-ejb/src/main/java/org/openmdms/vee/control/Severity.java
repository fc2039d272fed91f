package org.openmdms.vee.control;

/** How urgently an exception needs an analyst: errors block billing, warnings ask for a look. */
public enum Severity {
    INFO, WARNING, ERROR
}
