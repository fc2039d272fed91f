package org.openmdms.outage.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns power events into usage point states, interruptions and outages (DOMAIN.md §3, docs/outages.md).
 *
 * <ol>
 * <li><b>Events</b>, in time order. A last gasp takes a powered usage point to PENDING; a power
 * restore takes it back ON, recording the interruption — momentary when it was shorter than the
 * policy's momentary time, sustained otherwise — and restores it in the outages it was out in. An
 * event no later than the usage point's latest applied one (a repeat, a late arrival) and a restore
 * of a powered usage point change nothing.</li>
 * <li><b>Confirmation</b>: a PENDING usage point whose last gasp is at least the momentary time
 * before {@code now} is OUT (a sustained interruption begins).</li>
 * <li><b>Joining</b>: an OUT usage point joins the active outage on its transformer and on its
 * feeder when its last gasp is within the window of the outage's start or later.</li>
 * <li><b>Opening</b>: per transformer, then per feeder, the OUT usage points not yet in an outage
 * there, whose last gasps are within the window of the latest of them, open an outage when the
 * policy says they are enough ({@link OutagePolicy#opens}). A feeder outage becomes the parent of the
 * transformer outages active on the feeder.</li>
 * <li>A power restore of a usage point whose last gasp has waited the momentary time by the
 * restore's own time, but not yet by an earlier detection (a batch that carries both), first confirms
 * and groups up to that time — so an outage a head-end reports after the fact is still recorded.</li>
 * <li><b>Settling</b>: each changed outage's state follows its members (all back: RESTORED).</li>
 * </ol>
 * Deterministic: the same picture, events and {@code now} give the same detection.
 */
public final class OutageDetector {

    private final OutagePolicy policy;

    public OutageDetector(OutagePolicy policy) {
        this.policy = policy;
    }

    public Detection detect(GridPicture grid, List<PowerEvent> events, Instant now) {
        grid.unchanged();
        // Usage points that are on, or out and counted in their outages, can change only through an
        // event of their own: the detection works on the events' usage points and the unsettled ones.
        List<MeterPower> working = grid.working(events);
        Detection detection = new Detection();
        List<PowerEvent> ordered = new ArrayList<>(events);
        ordered.sort(PowerEvent.IN_TIME);
        for (PowerEvent event : ordered) {
            apply(grid, working, event, now, detection);
        }
        group(grid, working, now, now, detection);
        for (MeterPower meter : working) {
            if (meter.state() == PowerState.OUT) {
                meter.outage(smallestOutageOf(grid, meter));
            }
            if (meter.isChanged()) {
                detection.meter(meter);
            }
        }
        for (Outage outage : grid.outages()) {
            if (outage.change() != Outage.Change.NONE) {
                outage.settle();
                detection.outage(outage);
            }
        }
        grid.worked(working);
        return detection;
    }

    /** An operator closes the outage: its usage points still out count as back at {@code at}. */
    public Detection close(GridPicture grid, Outage outage, Instant at, String by) {
        grid.unchanged();
        Detection detection = new Detection();
        List<Long> stillOut = outage.members().values().stream().filter(Outage.Member::isOut)
                .map(Outage.Member::usagePointId).toList();
        for (long usagePointId : stillOut) {
            MeterPower meter = grid.meter(usagePointId);
            if (meter != null && meter.state() != PowerState.ON) {
                restore(grid, meter, at, detection);
            }
        }
        outage.close(at, by);
        detection.outage(outage);
        grid.meters().stream().filter(MeterPower::isChanged).forEach(detection::meter);
        for (Outage other : grid.outages()) {
            if (other != outage && other.change() != Outage.Change.NONE) {
                other.settle();
                detection.outage(other);
            }
        }
        return detection;
    }

    /** The active outage the usage point is out in, its transformer's before its feeder's; null when none. */
    private static Outage smallestOutageOf(GridPicture grid, MeterPower meter) {
        for (Device device : new Device[] {meter.transformerDevice(), meter.feederDevice()}) {
            Outage outage = device == null ? null : grid.activeOn(device);
            if (outage != null && outage.has(meter.usagePointId())) {
                return outage;
            }
        }
        return null;
    }

    /**
     * Confirms the last gasps that are at least the momentary time before {@code at} and groups the
     * usage points that are out into outages, detected {@code now}.
     */
    private void group(GridPicture grid, List<MeterPower> working, Instant at, Instant now, Detection detection) {
        confirm(working, at, detection);
        join(grid, working);
        open(grid, working, now, OutageLevel.TRANSFORMER);
        open(grid, working, now, OutageLevel.FEEDER);
        join(grid, working);
    }

    private void apply(GridPicture grid, List<MeterPower> working, PowerEvent event, Instant now,
            Detection detection) {
        MeterPower meter = grid.meter(event.usagePointId());
        if (meter == null || meter.lastEventAt() != null && !event.at().isAfter(meter.lastEventAt())) {
            detection.countIgnored();
            return;
        }
        if (!event.restore()) {
            if (meter.state() == PowerState.ON) {
                meter.goPending(event.at());
                detection.countApplied();
            } else {
                detection.countIgnored();
            }
        } else if (meter.state() == PowerState.ON) {
            detection.countIgnored();
        } else {
            if (meter.state() == PowerState.PENDING
                    && !meter.offAt().plus(policy.momentary()).isAfter(event.at())) {
                // A batch that holds both the last gasps and the restores (a head-end that caught up):
                // the usage points were out before this restore, so they count in outages first.
                group(grid, working, event.at(), now, detection);
            }
            restore(grid, meter, event.at(), detection);
            detection.countApplied();
        }
        meter.lastEvent(event.at());
    }

    private void restore(GridPicture grid, MeterPower meter, Instant at, Detection detection) {
        boolean momentary = meter.state() == PowerState.PENDING
                && Duration.between(meter.offAt(), at).compareTo(policy.momentary()) < 0;
        detection.interruption(new Interruption(meter.usagePointId(), meter.offAt(), at, momentary));
        // A usage point joins only outages on its own transformer and feeder (join, open).
        for (Device device : new Device[] {meter.transformerDevice(), meter.feederDevice()}) {
            for (Outage outage : grid.outagesOn(device)) {
                if (outage.has(meter.usagePointId())) {
                    outage.restore(meter.usagePointId(), at);
                }
            }
        }
        meter.restore();
    }

    private void confirm(List<MeterPower> working, Instant now, Detection detection) {
        for (MeterPower meter : working) {
            if (meter.state() == PowerState.PENDING && !meter.offAt().plus(policy.momentary()).isAfter(now)) {
                meter.goOut();
                detection.interruption(new Interruption(meter.usagePointId(), meter.offAt(), null, false));
            }
        }
    }

    private void join(GridPicture grid, List<MeterPower> working) {
        for (MeterPower meter : working) {
            if (meter.state() != PowerState.OUT) {
                continue;
            }
            for (Device device : new Device[] {meter.transformerDevice(), meter.feederDevice()}) {
                Outage outage = device == null ? null : grid.activeOn(device);
                if (outage != null && !outage.has(meter.usagePointId())
                        && !meter.offAt().isBefore(outage.startedAt().minus(policy.window()))) {
                    outage.join(meter.usagePointId(), meter.offAt());
                }
            }
        }
    }

    private void open(GridPicture grid, List<MeterPower> working, Instant now, OutageLevel level) {
        Map<Device, List<MeterPower>> candidates = new LinkedHashMap<>();
        for (MeterPower meter : working) {
            Device device = level == OutageLevel.TRANSFORMER ? meter.transformerDevice() : meter.feederDevice();
            if (meter.state() == PowerState.OUT && device != null && grid.activeOn(device) == null) {
                candidates.computeIfAbsent(device, d -> new ArrayList<>()).add(meter);
            }
        }
        for (Map.Entry<Device, List<MeterPower>> entry : candidates.entrySet()) {
            Instant latest = entry.getValue().stream().map(MeterPower::offAt).max(Comparator.naturalOrder())
                    .orElseThrow();
            List<MeterPower> together = entry.getValue().stream()
                    .filter(m -> !m.offAt().isBefore(latest.minus(policy.window()))).toList();
            int served = grid.served(entry.getKey());
            if (!policy.opens(level, together.size(), served)) {
                continue;
            }
            Instant start = together.stream().map(MeterPower::offAt).min(Comparator.naturalOrder()).orElseThrow();
            Outage outage = Outage.open(entry.getKey(), start, now, served);
            together.forEach(m -> outage.join(m.usagePointId(), m.offAt()));
            grid.outage(outage);
            if (level == OutageLevel.FEEDER) {
                for (Outage child : grid.outages()) {
                    if (child.level() == OutageLevel.TRANSFORMER && child.state().isActive()
                            && child.device().feeder().equals(entry.getKey().feeder())) {
                        child.parent(outage);
                    }
                }
            }
        }
    }
}
