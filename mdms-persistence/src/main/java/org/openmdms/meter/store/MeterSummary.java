package org.openmdms.meter.store;

import java.io.Serializable;
import java.time.Instant;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.MeterStatus;

/** A row of the meter search: the meter with where it is installed now (usage point fields null if nowhere). */
public record MeterSummary(String serialNumber, String manufacturer, String model, Commodity commodity,
        MeterStatus status, String usagePoint, String accountId, String feeder, String transformer,
        Instant installedFrom, String timeZone) implements Serializable {
}
