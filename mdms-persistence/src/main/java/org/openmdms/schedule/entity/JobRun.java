package org.openmdms.schedule.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One run of a scheduled job on one node: written as RUNNING when it starts and closed as SUCCEEDED
 * or FAILED when it ends, so an administrator sees what ran, where, how long, and why it failed. A
 * retry or a recovery after a node's death is a run of its own with the same fire time.
 */
@Entity
@Table(name = "job_run")
public class JobRun {

    public enum Status { RUNNING, SUCCEEDED, FAILED }

    /** Error texts are shortened to the column's size. */
    public static final int ERROR_LENGTH = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "job_run_seq")
    @SequenceGenerator(name = "job_run_seq", sequenceName = "job_run_seq", allocationSize = 50)
    private Long id;

    @Column(name = "job_name", nullable = false, length = 64)
    private String jobName;

    @Column(name = "fire_time", nullable = false)
    private Instant fireTime;

    @Column(nullable = false)
    private int attempt;

    @Column(name = "triggered_by", nullable = false, length = 64)
    private String triggeredBy;

    @Column(nullable = false, length = 200)
    private String node;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    private Long records;

    private Integer files;

    @Column(name = "error_text", length = ERROR_LENGTH)
    private String errorText;

    protected JobRun() {
    }

    public JobRun(String jobName, Instant fireTime, int attempt, String triggeredBy, String node, Instant startedAt) {
        this.jobName = jobName;
        this.fireTime = fireTime;
        this.attempt = attempt;
        this.triggeredBy = triggeredBy;
        this.node = node;
        this.startedAt = startedAt;
        this.status = Status.RUNNING;
    }

    public void succeeded(Instant at, Long records, Integer files) {
        end(at, Status.SUCCEEDED);
        this.records = records;
        this.files = files;
    }

    public void failed(Instant at, String error) {
        end(at, Status.FAILED);
        this.errorText = error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH);
    }

    private void end(Instant at, Status outcome) {
        if (status != Status.RUNNING) {
            throw new IllegalStateException("Run " + id + " of " + jobName + " has already ended (" + status + ")");
        }
        this.endedAt = at;
        this.status = outcome;
    }

    public Long id() {
        return id;
    }

    public String jobName() {
        return jobName;
    }

    public Instant fireTime() {
        return fireTime;
    }

    public int attempt() {
        return attempt;
    }

    public String triggeredBy() {
        return triggeredBy;
    }

    public String node() {
        return node;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public Status status() {
        return status;
    }

    public Long records() {
        return records;
    }

    public Integer files() {
        return files;
    }

    public String errorText() {
        return errorText;
    }
}
