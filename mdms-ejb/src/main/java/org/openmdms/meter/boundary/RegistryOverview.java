package org.openmdms.meter.boundary;

import java.util.Map;
import org.openmdms.meter.entity.MeterStatus;

/** Counts for the home page: meters by status, usage points in all and per feeder. */
public record RegistryOverview(Map<MeterStatus, Long> metersByStatus, long usagePoints,
        Map<String, Long> usagePointsByFeeder) {

    public long meters() {
        return metersByStatus.values().stream().mapToLong(Long::longValue).sum();
    }
}
