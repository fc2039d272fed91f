package org.openmdms.web.vee;

import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.openmdms.vee.entity.ExceptionStatus;
import org.openmdms.vee.store.ExceptionQuery;

/** The work queue's filters as query parameters: rule, severity, status, feeder, usagePoint, assignee, from, to (local days). */
public class ExceptionFilter {

    @QueryParam("rule")
    String rule;

    @QueryParam("severity")
    String severity;

    @QueryParam("status")
    String status;

    @QueryParam("feeder")
    String feeder;

    @QueryParam("usagePoint")
    String usagePoint;

    @QueryParam("assignee")
    String assignee;

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    public ExceptionQuery query() {
        ExceptionStatus statusValue;
        try {
            statusValue = status == null || status.isBlank() ? null
                    : ExceptionStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status must be OPEN, ACKNOWLEDGED or RESOLVED");
        }
        return new ExceptionQuery(rule, severity == null ? null : severity.toUpperCase(Locale.ROOT), statusValue,
                feeder, usagePoint, assignee, day("from", from), day("to", to));
    }

    public static LocalDate day(String name, String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date such as 2013-01-31");
        }
    }
}
