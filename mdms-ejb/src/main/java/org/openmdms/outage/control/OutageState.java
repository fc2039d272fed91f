package org.openmdms.outage.control;

/** Where an outage's restoration stands. */
public enum OutageState {
    /** Every meter in it is still out. */
    OPEN,
    /** Some of its meters have reported power back, others are still out. */
    PARTIALLY_RESTORED,
    /** All its meters are back (or an operator closed it). */
    RESTORED;

    public boolean isActive() {
        return this != RESTORED;
    }
}
