package org.openmdms.reading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkCutTest {

    /** Meters of 17 520 reads (a year of half-hours): each chunk ends where a meter does, two meters a chunk. */
    @Test
    void cutsAtTheNextMeterOnceAChunkIsFull() {
        List<Integer> chunks = chunks(List.of(17_520, 17_520, 17_520, 17_520, 17_520));
        assertEquals(List.of(35_040, 35_040, 17_520), chunks);
    }

    /** Meters of 2 880 reads (30 days of quarter-hours): chunks of whole meters, just over 20 000. */
    @Test
    void cutsSmallMetersIntoWholeMetersJustOverTheSize() {
        List<Integer> meters = new ArrayList<>();
        for (int m = 0; m < 20; m++) {
            meters.add(2_880);
        }
        assertEquals(List.of(20_160, 20_160, 17_280), chunks(meters));
    }

    /** A meter with more reads than a chunk holds at most is cut inside, at the most. */
    @Test
    void cutsInsideAMeterAtTheMost() {
        assertEquals(List.of(ChunkCut.MOST, ChunkCut.MOST, 5_000), chunks(List.of(2 * ChunkCut.MOST + 5_000)));
    }

    /** Lines that did not parse (no meter) do not start a chunk; the next meter's record does. */
    @Test
    void cutsNotAtARecordWithoutAMeter() {
        ChunkCut cut = new ChunkCut();
        assertFalse(cut.before(0, "A"));
        assertFalse(cut.before(ChunkCut.SIZE, null));
        assertFalse(cut.before(ChunkCut.SIZE + 1, "A"));
        assertTrue(cut.before(ChunkCut.SIZE + 2, "B"));
        assertTrue(cut.before(ChunkCut.MOST, null));
    }

    /** The chunk sizes the cut makes of meters with these numbers of consecutive records. */
    private static List<Integer> chunks(List<Integer> readsPerMeter) {
        ChunkCut cut = new ChunkCut();
        List<Integer> chunks = new ArrayList<>();
        int held = 0;
        for (int m = 0; m < readsPerMeter.size(); m++) {
            for (int r = 0; r < readsPerMeter.get(m); r++) {
                if (cut.before(held, "M" + m)) {
                    chunks.add(held);
                    held = 0;
                }
                held++;
            }
        }
        chunks.add(held);
        return chunks;
    }
}
