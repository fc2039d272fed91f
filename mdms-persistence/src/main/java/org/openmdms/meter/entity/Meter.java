package org.openmdms.meter.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A physical meter. Its serial number never changes: reads from the head-end name it. Which
 * usage point it serves, and when, is its installation history; its status follows from that.
 */
@Entity
@Table(name = "meter")
public class Meter {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "meter_seq")
    @SequenceGenerator(name = "meter_seq", sequenceName = "meter_seq", allocationSize = 50)
    private Long id;

    @Column(name = "serial_number", nullable = false, updatable = false, length = 64)
    private String serialNumber;

    @Column(length = 100)
    private String manufacturer;

    @Column(length = 100)
    private String model;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Commodity commodity;

    @Column(nullable = false, precision = 12, scale = 6)
    private BigDecimal multiplier = BigDecimal.ONE;

    @Column(length = 64)
    private String firmware;

    @Column(name = "head_end_id", length = 64)
    private String headEndId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MeterStatus status = MeterStatus.IN_STOCK;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @OneToMany(mappedBy = "meter")
    @OrderBy("installedFrom")
    private List<MeterInstallation> installations = new ArrayList<>();

    protected Meter() {
    }

    public Meter(String serialNumber, Commodity commodity) {
        this.serialNumber = requireText(serialNumber, "Serial number");
        this.commodity = Objects.requireNonNull(commodity, "commodity");
    }

    /** Updates the descriptive attributes; the serial number is the meter's identity and stays. */
    public void describe(String manufacturer, String model, Commodity commodity, BigDecimal multiplier,
            String firmware, String headEndId) {
        Objects.requireNonNull(commodity, "commodity");
        if (commodity != this.commodity && currentInstallation().isPresent()) {
            throw new RegistryRuleViolation("Meter " + serialNumber + " is installed at "
                    + currentInstallation().get().usagePoint().code()
                    + "; remove it before changing its commodity");
        }
        if (multiplier == null || multiplier.signum() <= 0) {
            throw new RegistryRuleViolation("Multiplier of meter " + serialNumber + " must be positive");
        }
        this.manufacturer = blankToNull(manufacturer);
        this.model = blankToNull(model);
        this.commodity = commodity;
        this.multiplier = multiplier(multiplier, "Multiplier of meter " + serialNumber);
        this.firmware = blankToNull(firmware);
        this.headEndId = blankToNull(headEndId);
    }

    /** Scrapped meters keep their history but can never be installed again. */
    public void retire() {
        if (currentInstallation().isPresent()) {
            throw new RegistryRuleViolation("Meter " + serialNumber + " is still installed; remove it first");
        }
        status = MeterStatus.RETIRED;
    }

    /** The installation without an end, if the meter is installed now. */
    public Optional<MeterInstallation> currentInstallation() {
        return installations.stream().filter(MeterInstallation::isOpen).findFirst();
    }

    /** The installation covering the instant, if any (intervals are half-open). */
    public Optional<MeterInstallation> installationAt(Instant at) {
        return installations.stream().filter(i -> i.covers(at)).findFirst();
    }

    void checkCanBeInstalledFrom(Instant from) {
        if (status == MeterStatus.RETIRED) {
            throw new RegistryRuleViolation("Meter " + serialNumber + " is retired and cannot be installed");
        }
        for (MeterInstallation existing : installations) {
            if (existing.overlapsFrom(from)) {
                throw new RegistryRuleViolation("Meter " + serialNumber + " is already installed at "
                        + existing.usagePoint().code() + " " + existing.spanText()
                        + "; an installation from " + from + " would overlap it");
            }
        }
    }

    void installed(MeterInstallation installation) {
        installations.add(installation);
        status = MeterStatus.INSTALLED;
    }

    void removed() {
        status = MeterStatus.REMOVED;
    }

    /** State for the audit trail. */
    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("serialNumber", serialNumber);
        state.put("manufacturer", manufacturer);
        state.put("model", model);
        state.put("commodity", commodity);
        state.put("multiplier", multiplier);
        state.put("firmware", firmware);
        state.put("headEndId", headEndId);
        state.put("status", status);
        return state;
    }

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now();
    }

    /** Multipliers are stored with six decimals (NUMERIC(12,6)); more precision would be lost silently. */
    static BigDecimal multiplier(BigDecimal value, String what) {
        try {
            return value.setScale(6, java.math.RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new RegistryRuleViolation(what + " has more than 6 decimals: " + value.toPlainString());
        }
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new RegistryRuleViolation(what + " is required");
        }
        return value.strip();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Long id() {
        return id;
    }

    public String serialNumber() {
        return serialNumber;
    }

    public String manufacturer() {
        return manufacturer;
    }

    public String model() {
        return model;
    }

    public Commodity commodity() {
        return commodity;
    }

    public BigDecimal multiplier() {
        return multiplier;
    }

    public String firmware() {
        return firmware;
    }

    public String headEndId() {
        return headEndId;
    }

    public MeterStatus status() {
        return status;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<MeterInstallation> installations() {
        return Collections.unmodifiableList(installations);
    }
}
