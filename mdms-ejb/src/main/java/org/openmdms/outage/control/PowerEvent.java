package org.openmdms.outage.control;

import java.time.Instant;
import java.util.Comparator;

/**
 * A last gasp or power restore of the meter at a usage point, as ingest stored it.
 *
 * @param restore true for a power restore, false for a last gasp
 */
public record PowerEvent(long usagePointId, Instant at, boolean restore) {

    /** In time order; at the same instant the last gasp first (an interruption of no length). */
    public static final Comparator<PowerEvent> IN_TIME = Comparator.comparing(PowerEvent::at)
            .thenComparing((PowerEvent e) -> e.restore()).thenComparingLong(PowerEvent::usagePointId);

    public static PowerEvent lastGasp(long usagePointId, Instant at) {
        return new PowerEvent(usagePointId, at, false);
    }

    public static PowerEvent restore(long usagePointId, Instant at) {
        return new PowerEvent(usagePointId, at, true);
    }
}
