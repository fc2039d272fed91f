package org.openmdms.meter.store;

import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.CustomerClass;

/** Filters of the usage point search: text filters are case-insensitive prefixes; null means any. */
public record UsagePointQuery(String code, String accountId, String feeder, String transformer,
        CustomerClass customerClass, Commodity commodity) {

    public static UsagePointQuery all() {
        return new UsagePointQuery(null, null, null, null, null, null);
    }
}
