package org.openmdms.reading.store;

import java.io.Serializable;
import java.time.Instant;
import org.openmdms.reading.entity.MeterEventType;

/**
 * A stored meter event with the names people know: the meter's serial number and the code and zone
 * of the usage point it served then (both null when it was not installed).
 */
public record StoredEvent(String meter, String usagePoint, String timeZone, MeterEventType type, Instant occurredAt,
        String detail, Instant receivedAt) implements Serializable {

    public String typeLabel() {
        return type.label();
    }
}
