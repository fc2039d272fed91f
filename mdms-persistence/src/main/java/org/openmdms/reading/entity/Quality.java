package org.openmdms.reading.entity;

/**
 * Quality flags of a read, as a bit set stored with it. A read with no flag is valid. The source
 * (actual, estimated, edited) is kept apart, in {@link ReadSource}.
 */
public final class Quality {

    public static final int VALID = 0;
    /** The sender or a VEE rule doubts the value. */
    public static final int QUESTIONABLE = 1;
    /** The meter was without power for (part of) the interval: a zero here is not real consumption. */
    public static final int POWER_OUTAGE = 1 << 1;
    /** The meter's clock was adjusted during the interval. */
    public static final int CLOCK_ADJUSTED = 1 << 2;
    /** The interval is incomplete (shorter than its length, e.g. at installation). */
    public static final int PARTIAL = 1 << 3;
    /** The value was substituted by the sender (NEM12 S/F, CMEP substituted). */
    public static final int SUBSTITUTED = 1 << 4;

    private Quality() {
    }

    public static boolean has(int quality, int flag) {
        return (quality & flag) != 0;
    }
}
