package org.openmdms.vee.control.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmdms.vee.control.Slot;

class RunTest {

    private final List<Slot> slots = SeriesBuilder.day("2013-01-15").all("1").actual(2, 3, "2").actual(5, "3")
            .missing(10, 2).missing(47, 1).build().slots();

    @Test
    void runsAreTheMaximalStretchesOfMatchingSlotsUpToTheEnd() {
        List<Run> runs = Run.of(slots, Slot::isMissing);

        assertEquals(2, runs.size());
        assertEquals(slots.get(10).end(), runs.get(0).firstEnd());
        assertEquals(slots.get(11).end(), runs.get(0).lastEnd());
        assertEquals(1, runs.get(1).length());
    }

    @Test
    void slotsThatDoNotBelongTogetherStartANewRun() {
        List<Run> runs = Run.of(slots.subList(0, 8), slot -> true,
                (previous, next) -> previous.value().compareTo(next.value()) == 0);

        assertEquals(List.of(2, 3, 1, 2), runs.stream().map(Run::length).toList());
        assertEquals(new BigDecimal("3"), runs.get(2).max());
        assertEquals(new BigDecimal("2"), runs.get(1).min());
    }

    @Test
    void onlyRunsOfTheShortestLengthOrMoreAreKeptAtTheEndToo() {
        List<Run> runs = Run.of(slots, slot -> true,
                (previous, next) -> previous.value() == null ? next.value() == null
                        : next.value() != null && previous.value().compareTo(next.value()) == 0, 3);

        // of 2, 3, 1, 4 (5..9 are 1 again after the 3), 2 missing, 35 ones, 1 missing: 3, 4 and 35 remain
        assertEquals(List.of(3, 4, 35), runs.stream().map(Run::length).toList());
        assertEquals(slots.get(46).end(), runs.get(2).lastEnd());
        assertEquals(List.of(2, 3, 1, 4, 35), Run.of(slots, slot -> !slot.isMissing(),
                (previous, next) -> previous.value().compareTo(next.value()) == 0, 1).stream()
                .map(Run::length).toList());
    }

    @Test
    void aRunIsNeverEmpty() {
        assertThrows(IllegalArgumentException.class, () -> new Run(List.of()));
    }
}
