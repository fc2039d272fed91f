package org.openmdms.vee.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.CustomerClass;

/**
 * A VEE rule set: the rules, each enabled or not with its parameters, that apply to the usage points
 * of a commodity and customer class (no class: every class of the commodity; a set for the class
 * wins over one for the commodity). Changed by administrators; the version rises with each change.
 */
@Entity
@Table(name = "vee_rule_set")
public class VeeRuleSet {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "vee_rule_set_seq")
    @SequenceGenerator(name = "vee_rule_set_seq", sequenceName = "vee_rule_set_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Commodity commodity;

    @Enumerated(EnumType.STRING)
    @Column(name = "customer_class", length = 16)
    private CustomerClass customerClass;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "vee_rule_setting", joinColumns = @JoinColumn(name = "rule_set_id"))
    @MapKeyColumn(name = "rule_id", length = 40)
    private Map<String, RuleSetting> settings = new LinkedHashMap<>();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @Version
    private long version;

    protected VeeRuleSet() {
    }

    public VeeRuleSet(String name, Commodity commodity, CustomerClass customerClass, String by, Instant at) {
        if (name == null || name.isBlank() || name.length() > 64) {
            throw new IllegalArgumentException("A rule set needs a name of 1 to 64 characters");
        }
        this.name = name.strip();
        this.commodity = java.util.Objects.requireNonNull(commodity, "commodity");
        this.customerClass = customerClass;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    /** Sets a rule's setting (the caller has checked the parameters against the rule). */
    public void set(String ruleId, RuleSetting setting, String by, Instant at) {
        settings.put(ruleId, setting);
        updatedBy = by;
        updatedAt = at;
    }

    public boolean appliesTo(Commodity c, CustomerClass cc) {
        return commodity == c && (customerClass == null || customerClass == cc);
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Commodity commodity() {
        return commodity;
    }

    public CustomerClass customerClass() {
        return customerClass;
    }

    /** The rules' settings by rule id, in id order. */
    public Map<String, RuleSetting> settings() {
        return Collections.unmodifiableMap(new TreeMap<>(settings));
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
