package org.openmdms.reading.control;

/**
 * Where an import's stream of records is cut into chunks: once a chunk holds {@link #SIZE} records, at
 * the next record of another meter, so that a meter's reads — each of its channel days — are written
 * by one chunk; and at {@link #MOST} records in any case (a meter with more reads than that is cut
 * inside). Cut at exactly {@code SIZE} records (until 2026-11-29), a meter's day on the cut was written
 * in two parts by two writers: they waited for each other at its daily totals, and VEE could not judge
 * it from the reads the import had kept at hand but loaded the channel's days back from the database
 * (one channel in ten of a backfill of 30-day files, docs/performance.md). A record without a meter (a
 * line that did not parse) never starts a chunk of its own before {@code MOST}.
 *
 * <p>A pure function of the records in their order, as the chunks' numbers must be: a resumed import
 * cuts its file where the first attempt did. Not thread-safe: one per import.
 */
public final class ChunkCut {

    /** Records a chunk holds before it is cut at the next meter. */
    public static final int SIZE = 20_000;
    /** Records a chunk holds at most. */
    public static final int MOST = 2 * SIZE;

    private String lastMeter;

    /**
     * Whether the chunk holding {@code held} records is cut before the next record, of meter
     * {@code meter} (null: none known); remembers the meter.
     */
    public boolean before(int held, String meter) {
        boolean cut = held >= MOST || held >= SIZE && meter != null && !meter.equals(lastMeter);
        if (meter != null) {
            lastMeter = meter;
        }
        return cut;
    }
}
