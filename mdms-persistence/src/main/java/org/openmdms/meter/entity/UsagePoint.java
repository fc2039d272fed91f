package org.openmdms.meter.entity;

import jakarta.persistence.CascadeType;
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
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A service point: where a commodity is delivered to a customer account. Reads, VEE and billing
 * attach here, not to the meter, so that a meter exchange does not break a customer's history.
 * The usage point owns its installation history and guards it: a meter exchange closes one
 * installation and opens the next at the same instant, and spans never overlap.
 */
@Entity
@Table(name = "usage_point")
public class UsagePoint {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "usage_point_seq")
    @SequenceGenerator(name = "usage_point_seq", sequenceName = "usage_point_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, updatable = false, length = 64)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Commodity commodity;

    @Enumerated(EnumType.STRING)
    @Column(name = "customer_class", nullable = false, length = 16)
    private CustomerClass customerClass;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "account_id", length = 64)
    private String accountId;

    @Column(name = "premise_address", length = 255)
    private String premiseAddress;

    @Column(length = 64)
    private String feeder;

    @Column(length = 64)
    private String transformer;

    /** The TOU tariff its determinants are calculated with (tou_schedule), if any. */
    @Column(name = "tou_schedule_id")
    private Long tariffId;

    /** The billing cycle it is billed in, if any. */
    @Column(name = "billing_cycle_id")
    private Long billingCycleId;

    @Column(precision = 9, scale = 6)
    private BigDecimal latitude;

    @Column(precision = 9, scale = 6)
    private BigDecimal longitude;

    @Column(name = "service_capacity_kw", precision = 12, scale = 3)
    private BigDecimal serviceCapacityKw;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @OneToMany(mappedBy = "usagePoint", cascade = CascadeType.PERSIST)
    @OrderBy("installedFrom")
    private List<MeterInstallation> installations = new ArrayList<>();

    @OneToMany(mappedBy = "usagePoint", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<Channel> channels = new ArrayList<>();

    protected UsagePoint() {
    }

    public UsagePoint(String code, Commodity commodity, CustomerClass customerClass, ZoneId timeZone) {
        this.code = Meter.requireText(code, "Usage point ID");
        this.commodity = Objects.requireNonNull(commodity, "commodity");
        this.customerClass = Objects.requireNonNull(customerClass, "customer class");
        this.timeZone = Objects.requireNonNull(timeZone, "time zone").getId();
    }

    /** Updates what the CIS and GIS say about the premise; the code and commodity stay. */
    public void describe(CustomerClass customerClass, ZoneId timeZone, String accountId, String premiseAddress,
            String feeder, String transformer, BigDecimal latitude, BigDecimal longitude) {
        Objects.requireNonNull(customerClass, "customer class");
        Objects.requireNonNull(timeZone, "time zone");
        if ((latitude == null) != (longitude == null)) {
            throw new RegistryRuleViolation("Usage point " + code + ": give both latitude and longitude, or neither");
        }
        if (latitude != null && (latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0
                || longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0)) {
            throw new RegistryRuleViolation("Usage point " + code + ": coordinates " + latitude + ", " + longitude
                    + " are not on Earth");
        }
        this.customerClass = customerClass;
        this.timeZone = timeZone.getId();
        this.accountId = Meter.blankToNull(accountId);
        this.premiseAddress = Meter.blankToNull(premiseAddress);
        this.feeder = Meter.blankToNull(feeder);
        this.transformer = Meter.blankToNull(transformer);
        // Stored with six decimals (about 10 cm): keep the same scale in memory so unchanged
        // coordinates compare equal after a reload.
        this.latitude = latitude == null ? null : latitude.setScale(6, java.math.RoundingMode.HALF_UP);
        this.longitude = longitude == null ? null : longitude.setScale(6, java.math.RoundingMode.HALF_UP);
    }

    /**
     * Sets what the connection can carry, in kW (breaker, fuse or transformer rating, or the contracted
     * capacity), or null when unknown; VEE's max-demand rule judges interval demand against it.
     */
    public void changeServiceCapacity(BigDecimal kw) {
        if (kw == null) {
            serviceCapacityKw = null;
            return;
        }
        if (kw.signum() <= 0) {
            throw new RegistryRuleViolation("Usage point " + code + ": service capacity must be more than 0 kW, not "
                    + kw.toPlainString());
        }
        BigDecimal stored;
        try {
            // Stored with three decimals (watts): keep the same scale in memory so that an unchanged
            // capacity compares equal after a reload and a re-import reports nothing changed.
            stored = kw.setScale(3, java.math.RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new RegistryRuleViolation("Usage point " + code + ": service capacity has more than 3 decimals: "
                    + kw.toPlainString() + " kW");
        }
        if (stored.precision() > 12) {
            throw new RegistryRuleViolation("Usage point " + code + ": service capacity " + kw.toPlainString()
                    + " kW is too large (at most 999999999.999)");
        }
        serviceCapacityKw = stored;
    }

    /** Installs a meter from the given instant, open-ended. */
    public MeterInstallation install(Meter meter, Instant from) {
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(from, "installation time");
        if (meter.commodity() != commodity) {
            throw new RegistryRuleViolation("Meter " + meter.serialNumber() + " measures " + meter.commodity()
                    + " but usage point " + code + " is " + commodity);
        }
        for (MeterInstallation existing : installations) {
            if (existing.overlapsFrom(from)) {
                throw new RegistryRuleViolation("Usage point " + code + " already has meter "
                        + existing.meter().serialNumber() + " installed " + existing.spanText()
                        + "; an installation from " + from + " would overlap it (use an exchange)");
            }
        }
        meter.checkCanBeInstalledFrom(from);
        MeterInstallation installation = new MeterInstallation(meter, this, from);
        installations.add(installation);
        meter.installed(installation);
        return installation;
    }

    /** Ends the current installation at the given instant; the meter goes back to REMOVED. */
    public MeterInstallation removeMeter(Instant at) {
        Objects.requireNonNull(at, "removal time");
        MeterInstallation current = currentInstallation().orElseThrow(
                () -> new RegistryRuleViolation("Usage point " + code + " has no meter installed"));
        current.close(at);
        current.meter().removed();
        return current;
    }

    /**
     * Meter exchange: the old meter's installation ends at exactly the instant the new one starts,
     * so every interval belongs to exactly one of them (usage neither doubles nor drops).
     */
    public MeterInstallation exchange(Meter newMeter, Instant at) {
        Objects.requireNonNull(newMeter, "new meter");
        MeterInstallation current = currentInstallation().orElseThrow(
                () -> new RegistryRuleViolation("Usage point " + code + " has no meter installed to exchange"));
        if (current.meter() == newMeter) {
            throw new RegistryRuleViolation("Meter " + newMeter.serialNumber() + " is already installed at " + code);
        }
        newMeter.checkCanBeInstalledFrom(at);
        if (newMeter.commodity() != commodity) {
            throw new RegistryRuleViolation("Meter " + newMeter.serialNumber() + " measures " + newMeter.commodity()
                    + " but usage point " + code + " is " + commodity);
        }
        removeMeter(at);
        return install(newMeter, at);
    }

    /** Adds a channel for a reading type the usage point does not measure yet. */
    public Channel addChannel(ReadingType readingType, BigDecimal multiplier) {
        Objects.requireNonNull(readingType, "reading type");
        if (channel(readingType).isPresent()) {
            throw new RegistryRuleViolation("Usage point " + code + " already has a " + readingType.label() + " channel");
        }
        Channel channel = new Channel(this, readingType, multiplier);
        channels.add(channel);
        return channel;
    }

    public Optional<Channel> channel(ReadingType readingType) {
        return channels.stream().filter(c -> c.readingType().equals(readingType)).findFirst();
    }

    public Optional<MeterInstallation> currentInstallation() {
        return installations.stream().filter(MeterInstallation::isOpen).findFirst();
    }

    /** The installation covering the instant: which meter's reads belong here at that time. */
    public Optional<MeterInstallation> installationAt(Instant at) {
        return installations.stream().filter(i -> i.covers(at)).findFirst();
    }

    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("code", code);
        state.put("commodity", commodity);
        state.put("customerClass", customerClass);
        state.put("timeZone", timeZone);
        state.put("accountId", accountId);
        state.put("premiseAddress", premiseAddress);
        state.put("feeder", feeder);
        state.put("transformer", transformer);
        state.put("latitude", latitude);
        state.put("longitude", longitude);
        state.put("serviceCapacityKw", serviceCapacityKw);
        return state;
    }

    public static ZoneId parseZone(String zone) {
        try {
            return ZoneId.of(Meter.requireText(zone, "Time zone"));
        } catch (DateTimeException e) {
            throw new RegistryRuleViolation("Unknown time zone '" + zone + "' (use an IANA name such as Europe/London)");
        }
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

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public Commodity commodity() {
        return commodity;
    }

    public CustomerClass customerClass() {
        return customerClass;
    }

    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public String accountId() {
        return accountId;
    }

    public String premiseAddress() {
        return premiseAddress;
    }

    public String feeder() {
        return feeder;
    }

    public String transformer() {
        return transformer;
    }

    public Long tariffId() {
        return tariffId;
    }

    public Long billingCycleId() {
        return billingCycleId;
    }

    /** Puts the usage point on a tariff and in a billing cycle (either may be null: none). */
    public void bill(Long tariffId, Long billingCycleId) {
        this.tariffId = tariffId;
        this.billingCycleId = billingCycleId;
    }

    public BigDecimal latitude() {
        return latitude;
    }

    public BigDecimal longitude() {
        return longitude;
    }

    /** Service capacity in kW, or null when unknown. */
    public BigDecimal serviceCapacityKw() {
        return serviceCapacityKw;
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

    public List<Channel> channels() {
        return Collections.unmodifiableList(channels);
    }
}
