package org.openmdms.meter.store;

/** One match of the header search box: what was found and the key that opens it. */
public record RegistryHit(Kind kind, String key, String label) {

    public enum Kind {
        METER, USAGE_POINT
    }
}
