package org.openmdms.reading.control;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openmdms.meter.store.ChannelEntry;
import org.openmdms.meter.store.MeterPlacement;
import org.openmdms.reading.store.ChannelClock;
import org.openmdms.reading.store.IntervalRow;

/**
 * Maps reads that name a meter onto channels (DOMAIN.md §4b): the usage point where the meter was
 * installed when the interval started, then that usage point's channel of the read's reading type.
 * Reads no channel takes are refused with the reason — never silently given a new channel.
 */
public final class ChannelMapping {

    /** A read mapped to its channel, or the reason it could not be. */
    public record Mapped(IntervalRow row, ChannelClock clock, String refusal) {

        public boolean refused() {
            return refusal != null;
        }
    }

    private final Map<String, List<MeterPlacement>> placements = new HashMap<>();
    private final Map<Long, List<ChannelEntry>> channels = new HashMap<>();

    public ChannelMapping(List<MeterPlacement> placements, List<ChannelEntry> channels) {
        placements.forEach(p -> this.placements.computeIfAbsent(p.serialNumber(), s -> new ArrayList<>()).add(p));
        channels.forEach(c -> this.channels.computeIfAbsent(c.usagePointId(), id -> new ArrayList<>()).add(c));
    }

    public Mapped map(MeterIntervalRead read) {
        List<MeterPlacement> meterPlacements = placements.get(read.meterId());
        if (meterPlacements == null) {
            return refuse("meter " + read.meterId() + " is not in the registry or was never installed");
        }
        Instant start = read.intervalEnd().minusSeconds(60L * read.intervalMinutes());
        MeterPlacement placement = meterPlacements.stream().filter(p -> p.covers(start)).findFirst().orElse(null);
        if (placement == null) {
            return refuse("meter " + read.meterId() + " was not installed at " + start + " (interval ending "
                    + read.intervalEnd() + ")");
        }
        for (ChannelEntry channel : channels.getOrDefault(placement.usagePointId(), List.of())) {
            if (channel.unit() == read.unit() && channel.direction() == read.direction()
                    && channel.intervalMinutes() != null && channel.intervalMinutes() == read.intervalMinutes()) {
                return new Mapped(new IntervalRow(channel.channelId(), read.intervalEnd(), read.value(), read.quality(),
                        read.source()), new ChannelClock(ZoneId.of(placement.timeZone()), read.intervalMinutes()), null);
            }
        }
        return refuse("usage point " + placement.usagePoint() + " has no " + read.unit().symbol() + " "
                + read.intervalMinutes() + " min " + read.direction().name().toLowerCase() + " channel");
    }

    private static Mapped refuse(String reason) {
        return new Mapped(null, null, reason);
    }
}
