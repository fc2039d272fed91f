package org.openmdms.outage.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openmdms.outage.control.GridPicture;
import org.openmdms.outage.control.MeterPower;

/** When a node may go on with the picture its last detection step left, and when it must read it anew. */
class GridMemoryTest {

    private static final Instant T0 = Instant.parse("2026-11-28T18:00:00Z");

    private final GridMemory memory = new GridMemory();

    /** A first step: reads feeder F1 and commits, leaving generation 8. */
    private GridPicture afterOneStep() {
        GridPicture grid = memory.picture(7, T0);
        grid.meter(MeterPower.powered(1, "F1", "T1"));
        memory.feeders().add("F1");
        memory.offGrid().add(99L);
        memory.committed(8);
        return grid;
    }

    @Test
    void theNextStepGoesOnWithThePictureWhenNobodyElseChangedTheTables() {
        GridPicture first = afterOneStep();
        GridPicture next = memory.picture(8, T0.plusSeconds(2));
        assertSame(first, next);
        assertEquals(1, next.meters().size());
        assertTrue(memory.feeders().contains("F1"));
        assertTrue(memory.offGrid().contains(99L));
    }

    @Test
    void anotherNodesStepOrAnOperatorsCloseMakesItReadAnew() {
        GridPicture first = afterOneStep();
        GridPicture next = memory.picture(9, T0.plusSeconds(2));
        assertNotSame(first, next);
        assertTrue(next.meters().isEmpty());
        assertTrue(memory.feeders().isEmpty());
        assertTrue(memory.offGrid().isEmpty());
    }

    @Test
    void aPictureOlderThanTheMaximumAgeIsReadAnewSoThatRegistryChangesArrive() {
        GridPicture first = afterOneStep();
        assertSame(first, memory.picture(8, T0.plus(GridMemory.MAX_AGE)));
        memory.committed(9);
        assertNotSame(first, memory.picture(9, T0.plus(GridMemory.MAX_AGE).plusSeconds(1)));
    }

    @Test
    void aFailedStepIsForgotten() {
        GridPicture first = afterOneStep();
        memory.forget();
        assertTrue(memory.isEmpty());
        assertNotSame(first, memory.picture(8, T0.plusSeconds(1)));
    }
}
