package org.openmdms.meter.store;

import java.time.Instant;

/** Where a meter was installed over [from, to): what reads of that meter are mapped through. */
public record MeterPlacement(String serialNumber, long usagePointId, String usagePoint, String timeZone,
        Instant from, Instant to) {

    public boolean covers(Instant at) {
        return !at.isBefore(from) && (to == null || at.isBefore(to));
    }
}
