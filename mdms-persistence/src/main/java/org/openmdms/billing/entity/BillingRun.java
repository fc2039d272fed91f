package org.openmdms.billing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** A run of a billing cycle's determinants for one billing period: progress and counts. */
@Entity
@Table(name = "billing_run")
public class BillingRun implements Serializable {

    public enum Status { RUNNING, COMPLETED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "billing_run_seq")
    @SequenceGenerator(name = "billing_run_seq", sequenceName = "billing_run_seq", allocationSize = 50)
    private Long id;

    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;

    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "started_by", nullable = false, length = 64)
    private String startedBy;

    @Column(name = "usage_points", nullable = false)
    private int usagePoints;

    @Column(nullable = false)
    private int done;

    @Column(nullable = false)
    private int calculated;

    @Column(nullable = false)
    private int unchanged;

    @Column(nullable = false)
    private int failed;

    @Column(length = 2000)
    private String failure;

    protected BillingRun() {
    }

    public BillingRun(Long cycleId, LocalDate periodStart, LocalDate periodEnd, int usagePoints, String by, Instant at) {
        this.cycleId = cycleId;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.usagePoints = usagePoints;
        this.startedBy = by;
        this.startedAt = at;
        this.status = Status.RUNNING;
    }

    public Long id() {
        return id;
    }

    public Long cycleId() {
        return cycleId;
    }

    public LocalDate periodStart() {
        return periodStart;
    }

    public LocalDate periodEnd() {
        return periodEnd;
    }

    public Status status() {
        return status;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public String startedBy() {
        return startedBy;
    }

    public int usagePoints() {
        return usagePoints;
    }

    public int done() {
        return done;
    }

    public int calculated() {
        return calculated;
    }

    public int unchanged() {
        return unchanged;
    }

    public int failed() {
        return failed;
    }

    public String failure() {
        return failure;
    }
}
