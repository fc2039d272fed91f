package org.openmdms.vee.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A failed VEE check on a channel: which rule, how severe, the intervals concerned by their ends
 * [firstEnd, lastEnd], the local day they start in, a message with the value found and the limit,
 * and the analyst's work on it (status, assignee, note, who changed it last). One exception per
 * channel, rule and first interval: running VEE again finds it again instead of raising a second.
 */
@Entity
@Table(name = "vee_exception")
public class VeeException {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "vee_exception_seq")
    @SequenceGenerator(name = "vee_exception_seq", sequenceName = "vee_exception_seq", allocationSize = 50)
    private Long id;

    @Column(name = "channel_id", nullable = false, updatable = false)
    private long channelId;

    @Column(name = "usage_point_id", nullable = false, updatable = false)
    private long usagePointId;

    @Column(name = "rule_id", nullable = false, updatable = false, length = 40)
    private String ruleId;

    @Column(nullable = false, length = 8)
    private String severity;

    @Column(name = "first_end", nullable = false, updatable = false)
    private Instant firstEnd;

    @Column(name = "last_end", nullable = false)
    private Instant lastEnd;

    @Column(name = "local_day", nullable = false, updatable = false)
    private LocalDate localDay;

    @Column(nullable = false, length = 1000)
    private String message;

    @Column(name = "found_value", precision = 18, scale = 6)
    private BigDecimal foundValue;

    @Column(name = "limit_value", precision = 18, scale = 6)
    private BigDecimal limitValue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ExceptionStatus status = ExceptionStatus.OPEN;

    @Column(length = 64)
    private String assignee;

    @Column(name = "raised_at", nullable = false, updatable = false)
    private Instant raisedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @Column(length = 1000)
    private String note;

    @Version
    private long version;

    protected VeeException() {
    }

    public VeeException(long channelId, long usagePointId, String ruleId, String severity, Instant firstEnd,
            Instant lastEnd, LocalDate localDay, String message, BigDecimal foundValue, BigDecimal limitValue,
            Instant raisedAt) {
        this.channelId = channelId;
        this.usagePointId = usagePointId;
        this.ruleId = ruleId;
        this.localDay = localDay;
        this.firstEnd = firstEnd;
        this.raisedAt = raisedAt;
        this.updatedBy = "system";
        found(severity, lastEnd, message, foundValue, limitValue, raisedAt);
    }

    /**
     * VEE found it (again): the details are brought up to date; an exception resolved because it was
     * no longer found opens again.
     */
    public void found(String severity, Instant lastEnd, String message, BigDecimal foundValue, BigDecimal limitValue,
            Instant at) {
        this.severity = severity;
        this.lastEnd = lastEnd;
        this.message = message.length() > 1000 ? message.substring(0, 1000) : message;
        this.foundValue = foundValue;
        this.limitValue = limitValue;
        this.updatedAt = at;
    }

    public void acknowledge(String by, Instant at) {
        requireNotResolved();
        status = ExceptionStatus.ACKNOWLEDGED;
        changed(by, at);
    }

    public void assign(String to, String by, Instant at) {
        requireNotResolved();
        assignee = to == null || to.isBlank() ? null : to.strip();
        changed(by, at);
    }

    /** Resolves it with a note saying how (edited, accepted as is, not found again). */
    public void resolve(String how, String by, Instant at) {
        if (how == null || how.isBlank()) {
            throw new IllegalArgumentException("Say how the exception was resolved");
        }
        status = ExceptionStatus.RESOLVED;
        note = how.length() > 1000 ? how.substring(0, 1000) : how.strip();
        changed(by, at);
    }

    /** A resolved exception VEE finds again (the data changed back): open again. */
    public void reopen(String why, Instant at) {
        status = ExceptionStatus.OPEN;
        note = why;
        changed("system", at);
    }

    private void requireNotResolved() {
        if (status == ExceptionStatus.RESOLVED) {
            throw new IllegalArgumentException("Exception " + id + " is resolved already");
        }
    }

    private void changed(String by, Instant at) {
        updatedBy = by;
        updatedAt = at;
    }

    public Long id() {
        return id;
    }

    public long channelId() {
        return channelId;
    }

    public long usagePointId() {
        return usagePointId;
    }

    public String ruleId() {
        return ruleId;
    }

    public String severity() {
        return severity;
    }

    public Instant firstEnd() {
        return firstEnd;
    }

    public Instant lastEnd() {
        return lastEnd;
    }

    public LocalDate localDay() {
        return localDay;
    }

    public String message() {
        return message;
    }

    public BigDecimal foundValue() {
        return foundValue;
    }

    public BigDecimal limitValue() {
        return limitValue;
    }

    public ExceptionStatus status() {
        return status;
    }

    public String assignee() {
        return assignee;
    }

    public Instant raisedAt() {
        return raisedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public String note() {
        return note;
    }

    public long version() {
        return version;
    }
}
