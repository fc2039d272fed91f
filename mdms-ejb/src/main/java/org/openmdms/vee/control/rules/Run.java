package org.openmdms.vee.control.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.openmdms.vee.control.Finding;
import org.openmdms.vee.control.Severity;
import org.openmdms.vee.control.Slot;

/**
 * Consecutive slots of a series that a rule reports together: most rules give one finding per run
 * (a run of missing intervals, of zeros, of a stuck value) rather than one per interval, so that an
 * analyst sees one exception for one event. Slots of a series are consecutive intervals by
 * construction, so a run may cross a day or month boundary.
 */
record Run(List<Slot> slots) {

    Run {
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("a run has at least one slot");
        }
        slots = List.copyOf(slots);
    }

    /** The maximal runs of consecutive slots that match, in time order. */
    static List<Run> of(List<Slot> slots, Predicate<Slot> matches) {
        return of(slots, matches, (previous, next) -> true, 1);
    }

    /**
     * The maximal runs of consecutive matching slots in which each slot also belongs with the one
     * before it (e.g. has the same value), in time order.
     */
    static List<Run> of(List<Slot> slots, Predicate<Slot> matches, BiPredicate<Slot, Slot> together) {
        return of(slots, matches, together, 1);
    }

    /**
     * As {@link #of(List, Predicate, BiPredicate)}, only the runs of at least {@code shortest} slots:
     * a rule that reports long runs only (a flat line of 12 intervals) need not have every single
     * matching slot made into a run of its own. A run is a stretch of the series, so it is kept as its
     * first and last position until it is known to be long enough.
     */
    static List<Run> of(List<Slot> slots, Predicate<Slot> matches, BiPredicate<Slot, Slot> together, int shortest) {
        List<Run> runs = new ArrayList<>();
        int start = -1;
        for (int i = 0, n = slots.size(); i < n; i++) {
            Slot slot = slots.get(i);
            boolean match = matches.test(slot);
            boolean continues = match && start >= 0 && together.test(slots.get(i - 1), slot);
            if (!continues && start >= 0) {
                if (i - start >= shortest) {
                    runs.add(new Run(slots.subList(start, i)));
                }
                start = -1;
            }
            if (match && start < 0) {
                start = i;
            }
        }
        if (start >= 0 && slots.size() - start >= shortest) {
            runs.add(new Run(slots.subList(start, slots.size())));
        }
        return runs;
    }

    Instant firstEnd() {
        return slots.get(0).end();
    }

    Instant lastEnd() {
        return slots.get(slots.size() - 1).end();
    }

    int length() {
        return slots.size();
    }

    /** The largest value in the run (its slots must have values). */
    BigDecimal max() {
        return slots.stream().map(Slot::value).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** The smallest value in the run (its slots must have values). */
    BigDecimal min() {
        return slots.stream().map(Slot::value).min(Comparator.naturalOrder()).orElseThrow();
    }

    /** A finding that covers the run's intervals. */
    Finding finding(String ruleId, Severity severity, String message, BigDecimal value, BigDecimal limit) {
        return new Finding(ruleId, severity, firstEnd(), lastEnd(), message, value, limit);
    }
}
