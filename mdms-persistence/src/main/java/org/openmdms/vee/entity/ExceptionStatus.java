package org.openmdms.vee.entity;

/** Where an exception stands in the work queue. */
public enum ExceptionStatus {
    /** Raised by VEE, nobody on it yet. */
    OPEN,
    /** An analyst has seen it and is on it. */
    ACKNOWLEDGED,
    /** Answered: edited, accepted as is, or no longer found when VEE ran again. */
    RESOLVED
}
