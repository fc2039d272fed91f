package org.openmdms.outage.control;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the detector needs to know about the part of the grid a batch of events touches: the usage
 * points of the events, every usage point on their feeders that is not on, how many electric usage
 * points each transformer and feeder serves, and the outages active on those feeders.
 */
public final class GridPicture {

    private final Map<Long, MeterPower> meters = new LinkedHashMap<>();
    /**
     * The usage points a detection must look at besides those its events name: pending ones (to
     * confirm), and those out that are not yet in an active outage on each of their devices (to join
     * or open one). The others — on, or out and counted in their outages — change only through an
     * event of their own, so a storm's later steps do not walk the 100 000 usage points already out.
     */
    private final BitSet unsettled = new BitSet();
    /** The usage points by their position in the picture (their order). */
    private final List<MeterPower> byPosition = new ArrayList<>();
    /** The usage points the last detection looked at: their change flags are reset by the next one. */
    private List<MeterPower> lastWorked = List.of();
    private final Map<Device, Integer> served = new HashMap<>();
    private final List<Outage> outages = new ArrayList<>();
    /** The same outages by device, in the same order: the detector asks per usage point (a storm: 100 000 times). */
    private final Map<Device, List<Outage>> byDevice = new HashMap<>();

    public GridPicture meter(MeterPower meter) {
        if (meters.putIfAbsent(meter.usagePointId(), meter) == null) {
            meter.position(byPosition.size());
            byPosition.add(meter);
            if (meter.state() != PowerState.ON) {
                unsettled.set(meter.position());
            }
        }
        return this;
    }

    /**
     * The usage points one detection works on: the unsettled ones and those of its events, in the
     * order they came into the picture (so that a detection is the same as over every usage point).
     */
    List<MeterPower> working(List<PowerEvent> events) {
        BitSet working = (BitSet) unsettled.clone();
        for (PowerEvent event : events) {
            MeterPower meter = meters.get(event.usagePointId());
            if (meter != null) {
                working.set(meter.position());
            }
        }
        List<MeterPower> ordered = new ArrayList<>(working.cardinality());
        for (int i = working.nextSetBit(0); i >= 0; i = working.nextSetBit(i + 1)) {
            ordered.add(byPosition.get(i));
        }
        return ordered;
    }

    /** After a detection over {@code worked}: which of them are still unsettled. */
    void worked(List<MeterPower> worked) {
        for (MeterPower meter : worked) {
            unsettled.set(meter.position(),
                    meter.state() == PowerState.PENDING || meter.state() == PowerState.OUT && !counted(meter));
        }
        lastWorked = worked;
    }

    /** Whether a usage point that is out is in the active outage of each of its devices. */
    private boolean counted(MeterPower meter) {
        for (Device device : new Device[] {meter.transformerDevice(), meter.feederDevice()}) {
            if (device != null) {
                Outage outage = activeOn(device);
                if (outage == null || !outage.has(meter.usagePointId())) {
                    return false;
                }
            }
        }
        return true;
    }

    public GridPicture served(Device device, int usagePoints) {
        served.put(device, usagePoints);
        return this;
    }

    /** An active outage, with its members. */
    public GridPicture outage(Outage outage) {
        outages.add(outage);
        byDevice.computeIfAbsent(outage.device(), d -> new ArrayList<>(1)).add(outage);
        return this;
    }

    public MeterPower meter(long usagePointId) {
        return meters.get(usagePointId);
    }

    public Collection<MeterPower> meters() {
        return meters.values();
    }

    public int served(Device device) {
        return served.getOrDefault(device, 0);
    }

    /** The outages, those active when loaded and those the detector opened. */
    public List<Outage> outages() {
        return outages;
    }

    /** The outages on the device (active when loaded, or opened by the detector), in the order they came. */
    public List<Outage> outagesOn(Device device) {
        List<Outage> on = device == null ? null : byDevice.get(device);
        return on == null ? List.of() : on;
    }

    /** The active outage on the device; null when none. */
    public Outage activeOn(Device device) {
        for (Outage outage : outagesOn(device)) {
            if (outage.state().isActive() && outage.closedBy() == null) {
                return outage;
            }
        }
        return null;
    }

    /** Forgets what earlier detections changed (only usage points they worked on can have changed). */
    void unchanged() {
        lastWorked.forEach(MeterPower::unchanged);
        outages.forEach(Outage::unchanged);
    }

    /** Links transformer outages to the feeder outage loaded with them, by the ids they were stored with. */
    public GridPicture linkParents() {
        Map<Long, Outage> byId = new HashMap<>();
        outages.forEach(outage -> {
            if (outage.id() != null) {
                byId.putIfAbsent(outage.id(), outage);
            }
        });
        for (Outage outage : outages) {
            if (outage.parent() == null && outage.parentId() != null) {
                Outage parent = byId.get(outage.parentId());
                if (parent != null) {
                    outage.linkStored(parent);
                }
            }
        }
        return this;
    }
}
