package org.openmdms.outage.control;

/** A usage point's power as its meter's events tell it. */
public enum PowerState {
    /** Powered: no last gasp, or a power restore after it. */
    ON,
    /** A last gasp younger than the policy's momentary time: it may yet be a momentary interruption. */
    PENDING,
    /** A sustained interruption: out since the last gasp. */
    OUT
}
