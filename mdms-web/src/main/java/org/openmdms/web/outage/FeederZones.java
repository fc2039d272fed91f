package org.openmdms.web.outage;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.openmdms.meter.boundary.MeterRegistry;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.store.UsagePointQuery;
import org.openmdms.meter.store.UsagePointSummary;
import org.openmdms.paging.PageRequest;

/**
 * The zone an outage's times are read in: that of its feeder's usage points (a feeder does not
 * cross time zones), UTC when none is known. Looked up once per feeder and page.
 */
final class FeederZones implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String UTC = "UTC";

    private final Map<String, String> zones = new HashMap<>();

    String of(MeterRegistry registry, String feeder) {
        if (feeder == null) {
            return UTC;
        }
        return zones.computeIfAbsent(feeder, f -> {
            // The search's feeder filter is a prefix: take a usage point of exactly this feeder.
            return registry.searchUsagePoints(new UsagePointQuery(null, null, f, null, null, Commodity.ELECTRIC),
                    new PageRequest(0, 50, null, false, false)).items().stream()
                    .filter(up -> f.equals(up.feeder())).map(UsagePointSummary::timeZone)
                    .filter(zone -> zone != null && !zone.isBlank()).findFirst().orElse(UTC);
        });
    }
}
