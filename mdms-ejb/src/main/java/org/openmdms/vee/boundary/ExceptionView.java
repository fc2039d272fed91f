package org.openmdms.vee.boundary;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.openmdms.vee.entity.ExceptionStatus;
import org.openmdms.vee.store.ExceptionRow;

/** An exception as the work queue and the API show it. */
public record ExceptionView(long id, String usagePoint, String feeder, String timeZone, long channelId,
        String ruleId, String severity, LocalDate localDay, Instant firstEnd, Instant lastEnd, String message,
        BigDecimal foundValue, BigDecimal limitValue, ExceptionStatus status, String assignee, Instant raisedAt,
        Instant updatedAt, String updatedBy, String note, long version) implements Serializable {

    static ExceptionView of(ExceptionRow row) {
        var e = row.exception();
        return new ExceptionView(e.id(), row.usagePoint(), row.feeder(), row.timeZone(), e.channelId(), e.ruleId(),
                e.severity(), e.localDay(), e.firstEnd(), e.lastEnd(), e.message(), e.foundValue(), e.limitValue(),
                e.status(), e.assignee(), e.raisedAt(), e.updatedAt(), e.updatedBy(), e.note(), e.version());
    }
}
