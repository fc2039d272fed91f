package org.openmdms.vee.store;

import java.time.LocalDate;
import org.openmdms.vee.entity.ExceptionStatus;

/**
 * The work queue's filters, each optional: rule, severity, status, feeder, usage point, assignee, and
 * the local days [from, to) the exceptions start in.
 */
public record ExceptionQuery(String ruleId, String severity, ExceptionStatus status, String feeder,
        String usagePoint, String assignee, LocalDate from, LocalDate to) {

    public static ExceptionQuery all() {
        return new ExceptionQuery(null, null, null, null, null, null, null, null);
    }
}
