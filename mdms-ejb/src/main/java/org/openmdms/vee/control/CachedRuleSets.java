package org.openmdms.vee.control;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.CustomerClass;

/**
 * The rule sets as one worker pass sees them: each commodity and customer class is looked up once
 * and then reused for every usage point of the pass (a change applies from the next pass on).
 */
public final class CachedRuleSets implements RuleSetSource {

    private final RuleSetSource source;
    private final Map<String, List<ConfiguredRule>> rules = new HashMap<>();

    public CachedRuleSets(RuleSetSource source) {
        this.source = source;
    }

    @Override
    public synchronized List<ConfiguredRule> rulesFor(Commodity commodity, CustomerClass customerClass) {
        return rules.computeIfAbsent(commodity + "/" + customerClass, k -> source.rulesFor(commodity, customerClass));
    }
}
