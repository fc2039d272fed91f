package org.openmdms.vee.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a VEE run over a range changes in the exceptions already raised there: findings without an
 * exception are raised, findings with one are found again (kept, details refreshed), and open
 * exceptions of the checked rules that the run no longer finds are resolved — the data changed. An
 * exception is the same when channel, rule and first interval are (re-running VEE over the same data
 * raises nothing new). Plain Java, so that the rules of a re-run are tested without a database.
 *
 * @param <E> how the caller holds an exception (an entity)
 */
public final class ExceptionChanges<E> {

    /** The identity of an exception: the rule and the end of its first interval (the channel is given). */
    public record Key(String ruleId, Instant firstEnd) {
    }

    private final List<Finding> raised = new ArrayList<>();
    private final Map<E, Finding> foundAgain = new LinkedHashMap<>();
    private final List<E> noLongerFound = new ArrayList<>();

    /**
     * @param existing the exceptions of the channel in the checked range, by key
     * @param open which of them are still open (not resolved)
     * @param checkedRules the rules the run applied (exceptions of other rules are left alone)
     */
    public ExceptionChanges(List<Finding> findings, Map<Key, E> existing, java.util.function.Predicate<E> open,
            java.util.Set<String> checkedRules) {
        Map<Key, Finding> found = new LinkedHashMap<>();
        for (Finding finding : findings) {
            found.putIfAbsent(new Key(finding.ruleId(), finding.firstEnd()), finding);
        }
        found.forEach((key, finding) -> {
            E exception = existing.get(key);
            if (exception == null) {
                raised.add(finding);
            } else {
                foundAgain.put(exception, finding);
            }
        });
        existing.forEach((key, exception) -> {
            if (!found.containsKey(key) && open.test(exception) && checkedRules.contains(key.ruleId())) {
                noLongerFound.add(exception);
            }
        });
    }

    public List<Finding> raised() {
        return raised;
    }

    public Map<E, Finding> foundAgain() {
        return foundAgain;
    }

    public List<E> noLongerFound() {
        return noLongerFound;
    }
}
