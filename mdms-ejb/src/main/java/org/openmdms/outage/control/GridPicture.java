package org.openmdms.outage.control;

import java.util.ArrayList;
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
    private final Map<Device, Integer> served = new HashMap<>();
    private final List<Outage> outages = new ArrayList<>();
    /** The same outages by device, in the same order: the detector asks per usage point (a storm: 100 000 times). */
    private final Map<Device, List<Outage>> byDevice = new HashMap<>();

    public GridPicture meter(MeterPower meter) {
        meters.putIfAbsent(meter.usagePointId(), meter);
        return this;
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

    /** Forgets what earlier detections changed. */
    void unchanged() {
        meters.values().forEach(MeterPower::unchanged);
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
