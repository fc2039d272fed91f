package org.openmdms.reading.control;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.Unit;
import org.openmdms.meter.store.ChannelEntry;
import org.openmdms.meter.store.MeterPlacement;
import org.openmdms.reading.store.ChannelClock;
import org.openmdms.reading.store.EventRow;
import org.openmdms.reading.store.IntervalRow;
import org.openmdms.reading.store.RegisterRow;

/**
 * Maps reads and events that name a meter onto the registry (DOMAIN.md §4b): the usage point where
 * the meter was installed at the read's time — when an interval started, at a register read's
 * instant — then that usage point's channel of the read's reading type (a register read takes the
 * register channel: same unit and direction, no interval length). Reads no channel takes are refused
 * with the reason — never silently given a new channel. An event needs only a known meter: it is
 * kept with the usage point the meter served when it occurred, or with none when it was not
 * installed then.
 */
public final class ChannelMapping {

    /** A read mapped to its channel, or the reason it could not be. */
    public record Mapped(IntervalRow row, ChannelClock clock, String refusal) {

        public boolean refused() {
            return refusal != null;
        }
    }

    /** A register read mapped to its register channel, or the reason it could not be. */
    public record MappedRegister(RegisterRow row, String refusal) {
    }

    /** An event mapped to its meter (and usage point, if any), or the reason it could not be. */
    public record MappedEvent(EventRow row, String refusal) {
    }

    private final Map<String, List<MeterPlacement>> placements = new HashMap<>();
    private final Map<Long, List<ChannelEntry>> channels = new HashMap<>();
    private final Map<String, Long> meterIds;

    public ChannelMapping(List<MeterPlacement> placements, List<ChannelEntry> channels) {
        this(placements, channels, Map.of());
    }

    /** @param meterIds database ids of the meters by serial number, for events (installed or not) */
    public ChannelMapping(List<MeterPlacement> placements, List<ChannelEntry> channels, Map<String, Long> meterIds) {
        placements.forEach(p -> this.placements.computeIfAbsent(p.serialNumber(), s -> new ArrayList<>()).add(p));
        channels.forEach(c -> this.channels.computeIfAbsent(c.usagePointId(), id -> new ArrayList<>()).add(c));
        this.meterIds = meterIds;
    }

    public Mapped map(MeterIntervalRead read) {
        Instant start = read.intervalEnd().minusSeconds(60L * read.intervalMinutes());
        MeterPlacement placement = placementAt(read.meterId(), start);
        if (placement == null) {
            return new Mapped(null, null, notPlaced(read.meterId(), start, " (interval ending " + read.intervalEnd() + ")"));
        }
        ChannelEntry channel = channel(placement, read.unit(), read.intervalMinutes(), read.direction());
        if (channel == null) {
            return new Mapped(null, null, noChannel(placement, read.unit(), read.intervalMinutes() + " min",
                    read.direction()));
        }
        return new Mapped(new IntervalRow(channel.channelId(), read.intervalEnd(), read.value(), read.quality(),
                read.source()), new ChannelClock(ZoneId.of(placement.timeZone()), read.intervalMinutes()), null);
    }

    public MappedRegister map(MeterRegisterRead read) {
        MeterPlacement placement = placementAt(read.meterId(), read.readAt());
        if (placement == null) {
            return new MappedRegister(null, notPlaced(read.meterId(), read.readAt(), " (register read)"));
        }
        ChannelEntry channel = channel(placement, read.unit(), null, read.direction());
        if (channel == null) {
            return new MappedRegister(null, noChannel(placement, read.unit(), "register", read.direction()));
        }
        return new MappedRegister(new RegisterRow(channel.channelId(), read.readAt(), read.value(), read.quality(),
                read.source()), null);
    }

    public MappedEvent map(MeterEvent event) {
        Long meterId = meterIds.get(event.meterId());
        if (meterId == null) {
            return new MappedEvent(null, "meter " + event.meterId() + " is not in the registry");
        }
        MeterPlacement placement = placementAt(event.meterId(), event.occurredAt());
        return new MappedEvent(new EventRow(meterId, placement == null ? null : placement.usagePointId(), event.type(),
                event.occurredAt(), event.detail()), null);
    }

    private MeterPlacement placementAt(String meterId, Instant at) {
        return placements.getOrDefault(meterId, List.of()).stream().filter(p -> p.covers(at)).findFirst().orElse(null);
    }

    private String notPlaced(String meterId, Instant at, String what) {
        return placements.containsKey(meterId) ? "meter " + meterId + " was not installed at " + at + what
                : "meter " + meterId + " is not in the registry or was never installed";
    }

    /** The usage point's channel of the reading type; {@code minutes} null for the register channel. */
    private ChannelEntry channel(MeterPlacement placement, Unit unit, Integer minutes, FlowDirection direction) {
        for (ChannelEntry channel : channels.getOrDefault(placement.usagePointId(), List.of())) {
            if (channel.unit() == unit && channel.direction() == direction
                    && java.util.Objects.equals(channel.intervalMinutes(), minutes)) {
                return channel;
            }
        }
        return null;
    }

    private static String noChannel(MeterPlacement placement, Unit unit, String length, FlowDirection direction) {
        return "usage point " + placement.usagePoint() + " has no " + unit.symbol() + " " + length + " "
                + direction.name().toLowerCase() + " channel";
    }
}
