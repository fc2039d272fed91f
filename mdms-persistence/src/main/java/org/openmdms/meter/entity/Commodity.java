package org.openmdms.meter.entity;

/** What a meter measures and a usage point receives (CMEP commodity codes E, G, W). */
public enum Commodity {
    ELECTRIC, GAS, WATER, HEAT
}
