package org.openmdms.web.vee;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openmdms.vee.boundary.RuleSetView;
import org.openmdms.vee.boundary.RuleSets;
import org.openmdms.web.Messages;

/**
 * admin/rule-sets.xhtml: the VEE rule sets. An administrator picks a set, enables or disables its
 * rules and sets their parameters (blank: the default), one rule at a time; every change is audited.
 */
@Named
@ViewScoped
public class RuleSetPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient RuleSets ruleSets;

    private List<String> names = List.of();
    private String name;
    private RuleSetView ruleSet;
    private final Map<String, Boolean> enabled = new HashMap<>();
    private final Map<String, Map<String, String>> values = new HashMap<>();

    @PostConstruct
    void load() {
        names = ruleSets.all().stream().map(RuleSetView::name).toList();
        if (name == null && !names.isEmpty()) {
            name = names.get(0);
        }
        show();
    }

    /** Shows the chosen rule set with its values in the inputs (defaults left blank). */
    public void show() {
        enabled.clear();
        values.clear();
        ruleSet = name == null ? null : ruleSets.byName(name);
        if (ruleSet != null) {
            ruleSet.rules().forEach(this::fill);
        }
    }

    private void fill(RuleSetView.Rule rule) {
        enabled.put(rule.id(), rule.enabled());
        Map<String, String> set = new HashMap<>();
        rule.parameters().forEach(p -> set.put(p.name(), p.isDefault() ? "" : p.value()));
        values.put(rule.id(), set);
    }

    public void save(String ruleId) {
        try {
            ruleSet = ruleSets.change(name, ruleSet.version(), ruleId, Boolean.TRUE.equals(enabled.get(ruleId)),
                    values.get(ruleId));
            Messages.info("Rule " + ruleId + " of " + name + " saved (version " + ruleSet.version() + ")");
            ruleSet.rules().stream().filter(r -> r.id().equals(ruleId)).forEach(this::fill);
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public List<String> getNames() {
        return names;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public RuleSetView getRuleSet() {
        return ruleSet;
    }

    public Map<String, Boolean> getEnabled() {
        return enabled;
    }

    public Map<String, Map<String, String>> getValues() {
        return values;
    }
}
