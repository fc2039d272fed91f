package org.openmdms.vee.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmdms.admin.boundary.AuditTrail;
import org.openmdms.admin.boundary.Caller;
import org.openmdms.admin.entity.Role;
import org.openmdms.meter.boundary.RegistryNotFound;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.CustomerClass;
import org.openmdms.vee.control.ConfiguredRule;
import org.openmdms.vee.control.ParameterSpec;
import org.openmdms.vee.control.RuleParameters;
import org.openmdms.vee.control.ValidationRule;
import org.openmdms.vee.control.rules.DefaultRuleSet;
import org.openmdms.vee.control.rules.VeeRules;
import org.openmdms.vee.entity.RuleSetting;
import org.openmdms.vee.entity.VeeRuleSet;
import org.openmdms.vee.store.RuleSetStore;

/**
 * The VEE rule sets administrators configure: one per commodity and customer class, seeded from the
 * built-in defaults, each rule enabled or not with its parameters. A change is checked against the
 * rule's parameter types, audited with before and after, and raises the set's version; it applies
 * to what VEE judges from then on (exceptions already raised stay until an analyst re-runs VEE).
 */
@Stateless
@RolesAllowed(Role.ADMIN)
public class RuleSets {

    @Inject
    RuleSetStore store;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext context;

    @RolesAllowed({Role.ADMIN, Role.ANALYST, Role.AUDITOR})
    public List<RuleSetView> all() {
        return store.all().stream().map(RuleSets::view).toList();
    }

    @RolesAllowed({Role.ADMIN, Role.ANALYST, Role.AUDITOR})
    public RuleSetView byName(String name) {
        return view(ruleSet(name));
    }

    /**
     * Enables or disables a rule of a set and sets its parameters (absent or blank: the default);
     * {@code version} guards against another administrator's change meanwhile.
     */
    public RuleSetView change(String name, long version, String ruleId, boolean enabled, Map<String, String> parameters) {
        VeeRuleSet ruleSet = ruleSet(name);
        if (ruleSet.version() != version) {
            throw new jakarta.persistence.OptimisticLockException("rule set " + name + " changed meanwhile");
        }
        ValidationRule rule = VeeRules.byId(ruleId);
        Map<String, String> values = new LinkedHashMap<>();
        (parameters == null ? Map.<String, String>of() : parameters).forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                values.put(k, v.strip());
            }
        });
        RuleParameters.check(rule.parameters(), values);
        Map<String, Object> before = state(ruleSet, ruleId);
        ruleSet.set(ruleId, new RuleSetting(enabled, RuleSetLookup.json(values)), Caller.name(context), Instant.now());
        audit.record("vee-rule-set.change", "vee-rule-set", name, before, state(ruleSet, ruleId));
        return view(ruleSet);
    }

    /** Creates the built-in rule sets (one per commodity and customer class) where none exist yet. */
    @jakarta.annotation.security.PermitAll
    public int seedDefaults() {
        if (store.count() > 0) {
            return 0;
        }
        int created = 0;
        Instant now = Instant.now();
        for (Commodity commodity : Commodity.values()) {
            for (CustomerClass customerClass : CustomerClass.values()) {
                VeeRuleSet ruleSet = new VeeRuleSet(defaultName(commodity, customerClass), commodity, customerClass,
                        Caller.SYSTEM, now);
                Map<String, ConfiguredRule> defaults = new LinkedHashMap<>();
                DefaultRuleSet.of(commodity, customerClass).forEach(r -> defaults.put(r.rule().id(), r));
                for (ValidationRule rule : VeeRules.all()) {
                    ConfiguredRule configured = defaults.get(rule.id());
                    ruleSet.set(rule.id(), new RuleSetting(configured != null,
                            RuleSetLookup.json(configured == null ? Map.of() : configured.values())), Caller.SYSTEM, now);
                }
                store.add(ruleSet);
                created++;
            }
        }
        return created;
    }

    static String defaultName(Commodity commodity, CustomerClass customerClass) {
        return (commodity.name() + "-" + customerClass.name()).toLowerCase(java.util.Locale.ROOT);
    }

    private VeeRuleSet ruleSet(String name) {
        return store.byName(name).orElseThrow(() -> new RegistryNotFound("No rule set " + name));
    }

    private static Map<String, Object> state(VeeRuleSet ruleSet, String ruleId) {
        RuleSetting setting = ruleSet.settings().get(ruleId);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("rule", ruleId);
        state.put("enabled", setting != null && setting.enabled());
        state.put("parameters", setting == null ? "{}" : setting.parameters());
        return state;
    }

    static RuleSetView view(VeeRuleSet ruleSet) {
        List<RuleSetView.Rule> rules = new ArrayList<>();
        for (ValidationRule rule : VeeRules.all()) {
            RuleSetting setting = ruleSet.settings().get(rule.id());
            Map<String, String> values = setting == null ? Map.of() : RuleSetLookup.parameters(setting.parameters());
            List<RuleSetView.Parameter> parameters = new ArrayList<>();
            for (ParameterSpec spec : rule.parameters()) {
                String value = values.get(spec.name());
                parameters.add(new RuleSetView.Parameter(spec.name(), spec.type().name(),
                        value == null ? spec.defaultValue() : value, spec.defaultValue(), value == null,
                        spec.description()));
            }
            rules.add(new RuleSetView.Rule(rule.id(), rule.description(), setting != null && setting.enabled(),
                    parameters));
        }
        return new RuleSetView(ruleSet.name(), ruleSet.commodity().name(),
                ruleSet.customerClass() == null ? null : ruleSet.customerClass().name(), ruleSet.updatedAt(),
                ruleSet.updatedBy(), ruleSet.version(), rules);
    }
}
