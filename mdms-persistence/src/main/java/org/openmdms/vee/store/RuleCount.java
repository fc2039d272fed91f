package org.openmdms.vee.store;

import org.openmdms.vee.entity.ExceptionStatus;

/** How many exceptions a rule has with a severity and status: the queue's dashboard. */
public record RuleCount(String ruleId, String severity, ExceptionStatus status, long count) {
}
