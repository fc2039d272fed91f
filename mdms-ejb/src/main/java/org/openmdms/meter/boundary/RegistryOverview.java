package org.openmdms.meter.boundary;

import java.io.Serializable;
import java.util.Map;
import org.openmdms.meter.entity.MeterStatus;

/** Counts for the home page: meters by status, usage points in all and per feeder. */
public record RegistryOverview(Map<MeterStatus, Long> metersByStatus, long usagePoints,
        Map<String, Long> usagePointsByFeeder) implements Serializable {

    public long meters() {
        return metersByStatus.values().stream().mapToLong(Long::longValue).sum();
    }
}
