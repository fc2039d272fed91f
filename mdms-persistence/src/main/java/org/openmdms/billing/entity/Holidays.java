package org.openmdms.billing.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A calendar of public holidays kept by administrators: like-day estimation treats its days as
 * Sundays, TOU schedules give them their holiday periods.
 */
@Entity
@Table(name = "holiday_calendar")
public class Holidays implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "holiday_calendar_seq")
    @SequenceGenerator(name = "holiday_calendar_seq", sequenceName = "holiday_calendar_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String code;

    @Column(nullable = false)
    private String name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "holiday", joinColumns = @JoinColumn(name = "calendar_id"))
    @MapKeyColumn(name = "holiday_date")
    @Column(name = "name", nullable = false, length = 128)
    private Map<LocalDate, String> days = new TreeMap<>();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @Version
    private long version;

    protected Holidays() {
    }

    public Holidays(String code, String name, Map<LocalDate, String> days, String by, Instant at) {
        this.code = code;
        this.name = name;
        this.days.putAll(days);
        this.updatedBy = by;
        this.updatedAt = at;
    }

    /** Replaces the name and the days. */
    public void change(String name, Map<LocalDate, String> days, String by, Instant at) {
        this.name = name;
        this.days.clear();
        this.days.putAll(days);
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    /** The holidays by date, in date order. */
    public Map<LocalDate, String> days() {
        return Collections.unmodifiableMap(new TreeMap<>(days));
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public long version() {
        return version;
    }
}
