package org.openmdms.vee.control;

/** Why an analyst edited reads: a reason code is required with every edit (and a comment with OTHER). */
public enum EditReason {
    /** The meter measured wrongly (stuck register, failed CT, wrong multiplier). */
    METER_FAULT,
    /** A better value was known: a customer or field read, a check meter. */
    CUSTOMER_OR_FIELD_READ,
    /** An automatic estimate corrected by hand. */
    ESTIMATE_CORRECTION,
    /** The data was right; the value stands (for an exception accepted as is). */
    VALID_AS_READ,
    /** Anything else: the comment says what. */
    OTHER
}
