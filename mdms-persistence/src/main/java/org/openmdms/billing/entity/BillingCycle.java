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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A billing cycle: its usage points are billed for the periods between consecutive read dates,
 * [read date, next read date) in each usage point's local dates.
 */
@Entity
@Table(name = "billing_cycle")
public class BillingCycle implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "billing_cycle_seq")
    @SequenceGenerator(name = "billing_cycle_seq", sequenceName = "billing_cycle_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String code;

    @Column(nullable = false)
    private String name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "billing_cycle_read_date", joinColumns = @JoinColumn(name = "cycle_id"))
    @Column(name = "read_date", nullable = false)
    private java.util.Set<LocalDate> readDates = new TreeSet<>();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @Version
    private long version;

    protected BillingCycle() {
    }

    public BillingCycle(String code, String name, Collection<LocalDate> readDates, String by, Instant at) {
        this.code = code;
        this.name = name;
        this.readDates.addAll(readDates);
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public void change(String name, Collection<LocalDate> readDates, String by, Instant at) {
        this.name = name;
        this.readDates.clear();
        this.readDates.addAll(readDates);
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

    /** The read dates in order. */
    public List<LocalDate> readDates() {
        return List.copyOf(new TreeSet<>(readDates));
    }

    /** The billing period that starts on this read date: [it, the next read date), if there is a next one. */
    public Optional<LocalDate> periodEndAfter(LocalDate start) {
        return Optional.ofNullable(new TreeSet<>(readDates).higher(start));
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
