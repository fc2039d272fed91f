package org.openmdms.vee.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.CustomerClass;
import org.openmdms.vee.control.ConfiguredRule;
import org.openmdms.vee.control.RuleSetSource;
import org.openmdms.vee.control.ValidationRule;
import org.openmdms.vee.control.rules.DefaultRuleSet;
import org.openmdms.vee.control.rules.VeeRules;
import org.openmdms.vee.entity.RuleSetting;
import org.openmdms.vee.entity.VeeRuleSet;
import org.openmdms.vee.store.RuleSetStore;

/**
 * The rules for a usage point from the rule sets administrators keep in the database: the set for
 * its commodity and customer class, else the one for its commodity (every class); without either,
 * the built-in default rule set. Enabled rules only, in catalogue order, with their parameters.
 */
@Dependent
public class RuleSetLookup implements RuleSetSource {

    private static final Logger LOG = Logger.getLogger(RuleSetLookup.class.getName());

    @Inject
    RuleSetStore store;

    @Override
    public List<ConfiguredRule> rulesFor(Commodity commodity, CustomerClass customerClass) {
        return store.all().stream()
                .filter(s -> s.appliesTo(commodity, customerClass))
                .min(Comparator.comparing(s -> s.customerClass() == null ? 1 : 0))
                .map(RuleSetLookup::rules)
                .orElseGet(() -> DefaultRuleSet.of(commodity, customerClass));
    }

    /** The enabled rules of a stored rule set, in catalogue order. */
    static List<ConfiguredRule> rules(VeeRuleSet ruleSet) {
        List<ConfiguredRule> rules = new ArrayList<>();
        for (ValidationRule rule : VeeRules.all()) {
            RuleSetting setting = ruleSet.settings().get(rule.id());
            if (setting != null && setting.enabled()) {
                rules.add(new ConfiguredRule(rule, parameters(setting.parameters())));
            }
        }
        ruleSet.settings().keySet().stream().filter(id -> VeeRules.all().stream().noneMatch(r -> r.id().equals(id)))
                .forEach(id -> LOG.warning(() -> "Rule set " + ruleSet.name() + " names an unknown rule " + id));
        return rules;
    }

    /** The JSON object of parameter values as names to texts. */
    static Map<String, String> parameters(String json) {
        Map<String, String> values = new LinkedHashMap<>();
        try (var reader = Json.createReader(new StringReader(json == null || json.isBlank() ? "{}" : json))) {
            JsonObject object = reader.readObject();
            object.forEach((name, value) -> values.put(name,
                    value instanceof JsonString text ? text.getString() : value.toString()));
        }
        return values;
    }

    /** Parameter values as the JSON object a rule setting stores. */
    static String json(Map<String, String> values) {
        var object = Json.createObjectBuilder();
        new java.util.TreeMap<>(values).forEach(object::add);
        return object.build().toString();
    }
}
