package org.openmdms.outage.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.openmdms.outage.control.GridPicture;

/**
 * What a node's outage detection knows about the grid between its steps: the picture of the feeders
 * it has read (every usage point on them that is not on, the usage points its events came from, how
 * many each transformer and feeder serves, the outages active on them), kept as the detector left
 * it. A storm's steps then read only the usage points and feeders they have not seen, instead of the
 * whole picture again (bench/outage: 21 of the 96 s of a storm were spent reloading it; reading a
 * storm's picture of 100 000 usage points and 5 100 outages whole takes 3–8 s on two busy cores, so
 * the maximum age is longer than a storm).
 *
 * <p>The memory is trusted only while the detection generation found under the detection lock is
 * the one this node's last step left ({@link org.openmdms.outage.store.OutageStore#advanceGeneration}):
 * a step on another node of the cluster, or an operator closing an outage, makes it start again. It
 * is forgotten after {@link #MAX_AGE}, so that a registry change (a usage point moved to another
 * transformer, a new one on the feeder) reaches detection within that time, and whenever a step
 * fails (its transaction rolled back, so the memory no longer matches the tables).
 *
 * <p>Used by one detection pass at a time ({@link OutageWorker}), never by two threads at once.
 */
public final class GridMemory {

    /** How long a picture is kept before it is read again whole. */
    static final Duration MAX_AGE = Duration.ofMinutes(2);

    private GridPicture grid;
    private final Set<String> feeders = new HashSet<>();
    /** Usage points asked for that are not on the grid (not electric, or unknown): not asked again. */
    private final Set<Long> offGrid = new HashSet<>();
    /** One instance of each feeder and transformer name: the detector compares devices by their names per usage point. */
    private final Map<String, String> names = new HashMap<>();
    private long generation = -1;
    private Instant readAt;

    /**
     * The picture to extend, as this node's last step left it — or a new, empty one when the tables
     * changed since (another generation), when it is older than {@link #MAX_AGE}, or when there is none.
     */
    GridPicture picture(long lockedGeneration, Instant now) {
        if (grid == null || lockedGeneration != generation || readAt.plus(MAX_AGE).isBefore(now)) {
            grid = new GridPicture();
            feeders.clear();
            offGrid.clear();
            names.clear();
            readAt = now;
        }
        return grid;
    }

    /** The feeders whose usage points that are not on, served counts and active outages are in the picture. */
    Set<String> feeders() {
        return feeders;
    }

    Set<Long> offGrid() {
        return offGrid;
    }

    /**
     * The one instance of a feeder or transformer name in this picture (null stays null): names read
     * per row are equal but distinct strings, and the detector's maps by device compare them for
     * every usage point of a storm; the same instance compares at once.
     */
    String name(String name) {
        return name == null ? null : names.computeIfAbsent(name, n -> n);
    }

    /** The step that extended and changed the picture committed, leaving this generation. */
    void committed(long newGeneration) {
        generation = newGeneration;
    }

    /** A step failed: the picture may hold what was rolled back. */
    public void forget() {
        grid = null;
        generation = -1;
    }

    boolean isEmpty() {
        return grid == null;
    }
}
