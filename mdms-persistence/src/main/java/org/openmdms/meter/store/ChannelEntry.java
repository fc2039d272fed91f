package org.openmdms.meter.store;

import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.Unit;

/** A channel by its usage point and reading type, for mapping reads in bulk. */
public record ChannelEntry(long channelId, long usagePointId, Unit unit, Integer intervalMinutes,
        FlowDirection direction) {
}
