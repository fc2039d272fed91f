package org.openmdms.vee.control.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openmdms.vee.control.Finding;
import org.openmdms.vee.control.RuleParameters;
import org.openmdms.vee.control.ValidationRule;
import org.openmdms.vee.control.VeeContext;

/**
 * Runs a rule the way every test wants it run: with parameters given as name, value pairs, twice — the
 * second run must give the same findings (determinism) — and checks that the findings are in time
 * order, carry the rule's id and cover a sensible range.
 */
final class RuleCheck {

    private RuleCheck() {
    }

    static List<Finding> check(ValidationRule rule, VeeContext context, String... nameValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            values.put(nameValues[i], nameValues[i + 1]);
        }
        RuleParameters.check(rule.parameters(), values);
        RuleParameters parameters = new RuleParameters(rule.parameters(), values);
        List<Finding> findings = rule.check(context, parameters);
        assertEquals(findings, rule.check(context, parameters), "the same series and parameters give the same findings");
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            assertEquals(rule.id(), finding.ruleId());
            assertFalse(finding.lastEnd().isBefore(finding.firstEnd()), finding.toString());
            assertTrue(i == 0 || !finding.firstEnd().isBefore(findings.get(i - 1).firstEnd()), "in time order");
        }
        return findings;
    }
}
