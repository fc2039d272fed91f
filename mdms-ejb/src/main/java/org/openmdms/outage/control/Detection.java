package org.openmdms.outage.control;

import java.util.ArrayList;
import java.util.List;

/**
 * What one detection changed: the usage points whose power state changed, the interruptions begun
 * or ended, the outages opened or changed (each one notice), and the events it set aside.
 */
public final class Detection {

    private final List<MeterPower> meters = new ArrayList<>();
    private final List<Interruption> interruptions = new ArrayList<>();
    private final List<Outage> outages = new ArrayList<>();
    private int applied;
    private int ignored;
    private int momentary;

    void countApplied() {
        applied++;
    }

    void countIgnored() {
        ignored++;
    }

    void interruption(Interruption interruption) {
        interruptions.add(interruption);
        if (interruption.momentary()) {
            momentary++;
        }
    }

    void meter(MeterPower meter) {
        meters.add(meter);
    }

    void outage(Outage outage) {
        outages.add(outage);
    }

    /** Usage points whose state, last event or outage changed. */
    public List<MeterPower> meters() {
        return meters;
    }

    /** Interruptions begun (onAt null) or ended, in the order they happened. */
    public List<Interruption> interruptions() {
        return interruptions;
    }

    /** Outages opened, updated or restored; new ones first have no id. */
    public List<Outage> outages() {
        return outages;
    }

    /** Events that changed a usage point's power. */
    public int applied() {
        return applied;
    }

    /** Events that changed nothing: repeats, late arrivals, restores without a last gasp. */
    public int ignored() {
        return ignored;
    }

    public int momentary() {
        return momentary;
    }

    public boolean isEmpty() {
        return meters.isEmpty() && interruptions.isEmpty() && outages.isEmpty();
    }
}
