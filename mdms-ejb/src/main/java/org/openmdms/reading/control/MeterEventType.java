package org.openmdms.reading.control;

/** Events meters report through their head-ends (DOMAIN.md §3). */
public enum MeterEventType {
    LAST_GASP, POWER_RESTORE, TAMPER, REVERSE_ENERGY, CLOCK_ADJUSTED, TIME_RESET, LOW_BATTERY
}
