package org.openmdms.meter.entity;

/** Engineering units that channels store values in (after the multiplier). */
public enum Unit {
    KWH("kWh", true),
    KW("kW", false),
    KVARH("kVArh", true),
    KVAR("kVAr", false),
    KVAH("kVAh", true),
    V("V", false),
    A("A", false),
    M3("m³", true),
    THERM("therm", true);

    private final String symbol;
    private final boolean accumulating;

    Unit(String symbol, boolean accumulating) {
        this.symbol = symbol;
        this.accumulating = accumulating;
    }

    public String symbol() {
        return symbol;
    }

    /** True for quantities that add up over time (energy, volume), false for rates and levels. */
    public boolean accumulating() {
        return accumulating;
    }
}
