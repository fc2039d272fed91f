package org.openmdms.billing.control;

import java.time.Instant;

/**
 * A critical-peak pricing (CPP) event called by the utility for [start, end): the energy of every
 * interval that starts inside it is CPP energy.
 */
public record CriticalPeakEvent(Instant start, Instant end) {

    public CriticalPeakEvent {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("a CPP event ends after it starts: " + start + " to " + end);
        }
    }

    public boolean contains(Instant intervalStart) {
        return !intervalStart.isBefore(start) && intervalStart.isBefore(end);
    }
}
