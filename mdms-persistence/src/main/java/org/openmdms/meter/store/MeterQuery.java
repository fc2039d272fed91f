package org.openmdms.meter.store;

import org.openmdms.meter.entity.MeterStatus;

/** Filters of the meter search: text filters are case-insensitive prefixes; null means any. */
public record MeterQuery(String serialNumber, String usagePoint, String accountId, String feeder, MeterStatus status) {

    public static MeterQuery all() {
        return new MeterQuery(null, null, null, null, null);
    }
}
