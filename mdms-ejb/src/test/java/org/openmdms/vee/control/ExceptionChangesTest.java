package org.openmdms.vee.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExceptionChangesTest {

    private static final Instant T1 = Instant.parse("2013-01-15T10:00:00Z");
    private static final Instant T2 = Instant.parse("2013-01-15T11:00:00Z");

    private static Finding finding(String rule, Instant at) {
        return new Finding(rule, Severity.ERROR, at, at, rule + " at " + at, null, null);
    }

    /** An exception as a test holds it: its name and whether it is still open. */
    private record Held(String name, boolean open) {
    }

    @Test
    void newFindingsAreRaisedKnownOnesFoundAgainAndVanishedOpenOnesResolved() {
        Held spike = new Held("spike T1", true);
        Held gone = new Held("missing T2", true);
        Held resolved = new Held("flat T2", false);
        Held otherRule = new Held("sum T1", true);
        Map<ExceptionChanges.Key, Held> existing = Map.of(
                new ExceptionChanges.Key("spike", T1), spike,
                new ExceptionChanges.Key("missing-intervals", T2), gone,
                new ExceptionChanges.Key("flat-line", T2), resolved,
                new ExceptionChanges.Key("sum-check", T1), otherRule);

        ExceptionChanges<Held> changes = new ExceptionChanges<>(
                List.of(finding("spike", T1), finding("zero-consumption", T2), finding("spike", T1)),
                existing, Held::open, Set.of("spike", "missing-intervals", "flat-line", "zero-consumption"));

        assertEquals(List.of(finding("zero-consumption", T2)), changes.raised());
        assertEquals(Set.of(spike), changes.foundAgain().keySet());
        assertEquals(List.of(gone), changes.noLongerFound(), "resolved ones and rules not checked are left alone");
    }

    @Test
    void theSameFindingsAgainChangeNothing() {
        ExceptionChanges<Held> changes = new ExceptionChanges<>(List.of(finding("spike", T1)),
                Map.of(new ExceptionChanges.Key("spike", T1), new Held("spike", true)), Held::open, Set.of("spike"));

        assertEquals(List.of(), changes.raised());
        assertEquals(List.of(), changes.noLongerFound());
        assertEquals(1, changes.foundAgain().size());
    }
}
