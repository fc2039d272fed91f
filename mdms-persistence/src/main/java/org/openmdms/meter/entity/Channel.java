package org.openmdms.meter.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A usage point times a reading type: the series interval and register reads are stored in.
 * Channels belong to the usage point, not the meter, so a meter exchange keeps the series whole.
 */
@Entity
@Table(name = "channel")
public class Channel {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "channel_seq")
    @SequenceGenerator(name = "channel_seq", sequenceName = "channel_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "usage_point_id", nullable = false, updatable = false)
    private UsagePoint usagePoint;

    @Embedded
    private ReadingType readingType;

    @Column(nullable = false, precision = 12, scale = 6)
    private BigDecimal multiplier = BigDecimal.ONE;

    @Version
    private long version;

    protected Channel() {
    }

    Channel(UsagePoint usagePoint, ReadingType readingType, BigDecimal multiplier) {
        this.usagePoint = usagePoint;
        this.readingType = readingType;
        changeMultiplier(multiplier);
    }

    public void changeMultiplier(BigDecimal multiplier) {
        if (multiplier == null || multiplier.signum() <= 0) {
            throw new RegistryRuleViolation("Channel multiplier must be positive");
        }
        this.multiplier = Meter.multiplier(multiplier, "Channel multiplier");
    }

    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("usagePoint", usagePoint.code());
        state.put("readingType", readingType.label());
        state.put("multiplier", multiplier);
        return state;
    }

    public Long id() {
        return id;
    }

    public UsagePoint usagePoint() {
        return usagePoint;
    }

    public ReadingType readingType() {
        return readingType;
    }

    public BigDecimal multiplier() {
        return multiplier;
    }
}
