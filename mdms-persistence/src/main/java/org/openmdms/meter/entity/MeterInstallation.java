package org.openmdms.meter.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One meter serving one usage point over [from, to). Reads are mapped to a usage point through
 * the installation covering the interval's time, so spans must never overlap: created and closed
 * only by {@link UsagePoint}, which checks both sides.
 */
@Entity
@Table(name = "meter_installation")
public class MeterInstallation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "meter_installation_seq")
    @SequenceGenerator(name = "meter_installation_seq", sequenceName = "meter_installation_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "meter_id", nullable = false, updatable = false)
    private Meter meter;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "usage_point_id", nullable = false, updatable = false)
    private UsagePoint usagePoint;

    @Column(name = "installed_from", nullable = false, updatable = false)
    private Instant installedFrom;

    @Column(name = "installed_to")
    private Instant installedTo;

    protected MeterInstallation() {
    }

    MeterInstallation(Meter meter, UsagePoint usagePoint, Instant installedFrom) {
        this.meter = meter;
        this.usagePoint = usagePoint;
        this.installedFrom = installedFrom;
    }

    void close(Instant at) {
        if (!isOpen()) {
            throw new RegistryRuleViolation("Installation of meter " + meter.serialNumber() + " at "
                    + usagePoint.code() + " already ended " + installedTo);
        }
        if (!at.isAfter(installedFrom)) {
            throw new RegistryRuleViolation("Meter " + meter.serialNumber() + " was installed at "
                    + usagePoint.code() + " from " + installedFrom + "; it cannot be removed at " + at
                    + ", which is not after that");
        }
        installedTo = at;
    }

    public boolean isOpen() {
        return installedTo == null;
    }

    /** True if the instant falls in [from, to). */
    public boolean covers(Instant at) {
        return !at.isBefore(installedFrom) && (installedTo == null || at.isBefore(installedTo));
    }

    /** True if an open-ended span starting at {@code from} would share any instant with this one. */
    boolean overlapsFrom(Instant from) {
        return installedTo == null || installedTo.isAfter(from);
    }

    String spanText() {
        return "from " + installedFrom + (installedTo == null ? " (still installed)" : " to " + installedTo);
    }

    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("meter", meter.serialNumber());
        state.put("usagePoint", usagePoint.code());
        state.put("installedFrom", installedFrom);
        state.put("installedTo", installedTo);
        return state;
    }

    public Long id() {
        return id;
    }

    public Meter meter() {
        return meter;
    }

    public UsagePoint usagePoint() {
        return usagePoint;
    }

    public Instant installedFrom() {
        return installedFrom;
    }

    public Instant installedTo() {
        return installedTo;
    }
}
