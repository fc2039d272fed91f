package org.openmdms.billing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A critical-peak event of a tariff: intervals starting in [startsAt, endsAt) count as CPP kWh. */
@Entity
@Table(name = "cpp_event")
public class CppEvent implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cpp_event_seq")
    @SequenceGenerator(name = "cpp_event_seq", sequenceName = "cpp_event_seq", allocationSize = 50)
    private Long id;

    @Column(name = "schedule_id", nullable = false)
    private Long scheduleId;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(nullable = false, length = 128)
    private String name;

    protected CppEvent() {
    }

    public CppEvent(Long scheduleId, Instant startsAt, Instant endsAt, String name) {
        this.scheduleId = scheduleId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.name = name;
    }

    public Long id() {
        return id;
    }

    public Long scheduleId() {
        return scheduleId;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public String name() {
        return name;
    }
}
