package org.openmdms.reading.entity;

/**
 * Events meters report through their head-ends (DOMAIN.md §3), stored by name in
 * {@code meter_event.event_type}; each with the words analysts read on the pages.
 */
public enum MeterEventType {
    LAST_GASP("Power off (last gasp)"),
    POWER_RESTORE("Power restored"),
    TAMPER("Tamper"),
    REVERSE_ENERGY("Reverse energy"),
    CLOCK_ADJUSTED("Clock adjusted"),
    TIME_RESET("Time reset"),
    LOW_BATTERY("Low battery");

    private final String label;

    MeterEventType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
