package org.openmdms.meter.control;

import java.time.Instant;
import java.util.List;
import org.openmdms.meter.boundary.ChannelData;
import org.openmdms.meter.boundary.MeterData;
import org.openmdms.meter.boundary.UsagePointData;

/**
 * One row of the registry file: the state the CIS or asset system says a usage point is in — its
 * attributes, the meter installed there since when, and the channels it measures.
 */
public record RegistryRow(long line, UsagePointData usagePoint, MeterData meter, Instant installedFrom,
        List<ChannelData> channels) {
}
