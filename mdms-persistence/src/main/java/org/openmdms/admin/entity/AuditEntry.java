package org.openmdms.admin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change to master data: who, when, what, and the state before and after (JSON). Immutable. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    static final int STATE_LENGTH = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
    private Long id;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(nullable = false, updatable = false, length = 64)
    private String actor;

    @Column(nullable = false, updatable = false, length = 32)
    private String action;

    @Column(name = "subject_type", nullable = false, updatable = false, length = 32)
    private String subjectType;

    @Column(name = "subject_key", nullable = false, updatable = false, length = 128)
    private String subjectKey;

    @Column(name = "before_state", updatable = false, length = STATE_LENGTH)
    private String beforeState;

    @Column(name = "after_state", updatable = false, length = STATE_LENGTH)
    private String afterState;

    protected AuditEntry() {
    }

    public AuditEntry(Instant recordedAt, String actor, String action, String subjectType, String subjectKey,
            String beforeState, String afterState) {
        this.recordedAt = recordedAt;
        this.actor = actor;
        this.action = action;
        this.subjectType = subjectType;
        this.subjectKey = subjectKey;
        this.beforeState = clip(beforeState);
        this.afterState = clip(afterState);
    }

    private static String clip(String state) {
        return state == null || state.length() <= STATE_LENGTH ? state : state.substring(0, STATE_LENGTH - 1) + "…";
    }

    public Long id() {
        return id;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String subjectType() {
        return subjectType;
    }

    public String subjectKey() {
        return subjectKey;
    }

    public String beforeState() {
        return beforeState;
    }

    public String afterState() {
        return afterState;
    }
}
