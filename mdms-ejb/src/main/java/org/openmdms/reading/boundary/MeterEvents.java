package org.openmdms.reading.boundary;

import java.io.Serializable;
import java.util.List;
import org.openmdms.reading.store.StoredEvent;

/**
 * The events at a usage point or of a meter over a range, in time order, at most
 * {@link MeterReadings#MAX_EVENTS}; {@code truncated} when there were more.
 *
 * @param timeZone the usage point's zone, for a usage point; null for a meter (each event carries
 *                 the zone of the usage point the meter served then)
 */
public record MeterEvents(String usagePoint, String meter, String timeZone, List<StoredEvent> events,
        boolean truncated) implements Serializable {
}
