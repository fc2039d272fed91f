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

    /**
     * Bits 8–10 of an ESTIMATED read: the method VEE estimated it with, as {@link #estimationMethod}
     * names it (1 linear interpolation or its flat fill, 2 like day).
     */
    public static final int METHOD_SHIFT = 8;
    public static final int METHOD_MASK = 0b111 << METHOD_SHIFT;
    /** Bit 11 of an ESTIMATED read: the estimate was scaled to the register reads around its gap. */
    public static final int REGISTER_SCALED = 1 << 11;

    private static final String[] METHODS = {null, "linear-interpolation", "like-day"};
    private static final String SCALED = "register-scaling";

    private Quality() {
    }

    /**
     * The quality code of an estimate made by this method id ("linear-interpolation", "like-day",
     * either followed by "+register-scaling"): the method's bits, valid otherwise.
     */
    public static int ofEstimationMethod(String method) {
        int quality = VALID;
        for (String part : method.split("\\+")) {
            if (SCALED.equals(part)) {
                quality |= REGISTER_SCALED;
                continue;
            }
            int code = java.util.Arrays.asList(METHODS).indexOf(part);
            if (code <= 0) {
                throw new IllegalArgumentException("No quality code for the estimation method " + method);
            }
            quality |= code << METHOD_SHIFT;
        }
        return quality;
    }

    /** The estimation method id a quality code carries ("like-day+register-scaling"), or null if none. */
    public static String estimationMethod(int quality) {
        int code = (quality & METHOD_MASK) >>> METHOD_SHIFT;
        String method = code > 0 && code < METHODS.length ? METHODS[code] : null;
        if (method != null && has(quality, REGISTER_SCALED)) {
            return method + "+" + SCALED;
        }
        return method;
    }

    public static boolean has(int quality, int flag) {
        return (quality & flag) != 0;
    }
}
