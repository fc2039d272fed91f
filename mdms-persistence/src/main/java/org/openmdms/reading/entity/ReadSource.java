package org.openmdms.reading.entity;

/** Where the current value of an interval came from. An edit outranks later automatic data. */
public enum ReadSource {
    /** Measured by the meter and delivered by a head-end. */
    ACTUAL('A'),
    /** Made by an estimation method (VEE), or delivered as estimated / substituted by the sender. */
    ESTIMATED('E'),
    /** Set by an analyst, with a reason. */
    EDITED('M');

    private final char code;

    ReadSource(char code) {
        this.code = code;
    }

    /** One-letter code stored in the database. */
    public char code() {
        return code;
    }

    public static ReadSource of(char code) {
        for (ReadSource source : values()) {
            if (source.code == code) {
                return source;
            }
        }
        throw new IllegalArgumentException("Unknown read source code '" + code + "'");
    }
}
