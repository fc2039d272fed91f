package org.openmdms.vee.control;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One channel's stored reads as VEE loads them, by interval end: an array over the channel's grid of
 * interval ends [firstEnd, endsBefore) — a read's place is its end's distance from the first end in
 * interval lengths — and a map for the rare read off that grid or outside the span, so that nothing
 * stored is lost. A batch loads some 100 000 reads; a map from {@link Instant} to {@link Slot} hashed,
 * resized and looked up for each of them cost VEE more than its rules. Not thread-safe: one batch fills
 * and reads it on one thread.
 */
public final class StoredSlots {

    private final long firstEnd;
    private final long step;
    private final Slot[] grid;
    private Map<Instant, Slot> elsewhere;

    /** Room for the interval ends from {@code firstEnd}, every {@code intervalMinutes}, before {@code endsBefore}. */
    public StoredSlots(Instant firstEnd, Instant endsBefore, int intervalMinutes) {
        this.firstEnd = firstEnd.getEpochSecond();
        this.step = intervalMinutes * 60L;
        long span = endsBefore.getEpochSecond() - this.firstEnd;
        this.grid = new Slot[(int) Math.max(0, (span + step - 1) / step)];
    }

    /**
     * The same reads with room from an earlier first end on (the same end before which the grid
     * ends): a channel's history is loaded only once a gap in its judged days asks for it.
     */
    public StoredSlots widenedTo(Instant earlierFirstEnd) {
        StoredSlots wider = new StoredSlots(earlierFirstEnd, Instant.ofEpochSecond(firstEnd + grid.length * step),
                (int) (step / 60));
        for (Slot slot : grid) {
            if (slot != null) {
                wider.put(slot);
            }
        }
        if (elsewhere != null) {
            elsewhere.values().forEach(wider::put);
        }
        return wider;
    }

    /** Stores the read, replacing one stored with the same end. */
    public void put(Slot slot) {
        int i = indexOf(slot.end());
        if (i >= 0) {
            grid[i] = slot;
        } else {
            if (elsewhere == null) {
                elsewhere = new HashMap<>();
            }
            elsewhere.put(slot.end(), slot);
        }
    }

    /** The read stored with this interval end, or null. */
    public Slot at(Instant end) {
        int i = indexOf(end);
        if (i >= 0) {
            return grid[i];
        }
        return elsewhere == null ? null : elsewhere.get(end);
    }

    /** The read stored with the interval end at this epoch second, or null (no {@link Instant} made on the grid). */
    public Slot atSecond(long epochSecond) {
        long offset = epochSecond - firstEnd;
        if (offset >= 0 && offset % step == 0 && offset / step < grid.length) {
            return grid[(int) (offset / step)];
        }
        return elsewhere == null ? null : elsewhere.get(Instant.ofEpochSecond(epochSecond));
    }

    /** How many reads are stored with an end in [from, to). */
    public int countIn(Instant from, Instant to) {
        int count = 0;
        // only the grid's places that may lie in [from, to): a judged day is a thirtieth of the grid
        int lo = (int) Math.max(0, Math.min(grid.length, Math.floorDiv(from.getEpochSecond() - firstEnd, step)));
        int hi = (int) Math.max(0, Math.min(grid.length, Math.floorDiv(to.getEpochSecond() - firstEnd, step) + 1));
        for (int i = lo; i < hi; i++) {
            Slot slot = grid[i];
            if (slot != null && !slot.end().isBefore(from) && slot.end().isBefore(to)) {
                count++;
            }
        }
        if (elsewhere != null) {
            for (Instant end : elsewhere.keySet()) {
                if (!end.isBefore(from) && end.isBefore(to)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Replaces every stored read by what the function makes of it. */
    public void replaceAll(UnaryOperator<Slot> change) {
        for (int i = 0; i < grid.length; i++) {
            if (grid[i] != null) {
                grid[i] = change.apply(grid[i]);
            }
        }
        if (elsewhere != null) {
            elsewhere.replaceAll((end, slot) -> change.apply(slot));
        }
    }

    /** The end's place in the grid, or -1 when it is off the grid or outside its span. */
    private int indexOf(Instant end) {
        if (end.getNano() != 0) {
            return -1;
        }
        long offset = end.getEpochSecond() - firstEnd;
        if (offset < 0 || offset % step != 0 || offset / step >= grid.length) {
            return -1;
        }
        return (int) (offset / step);
    }
}
