package org.openmdms.outage.control;

import java.time.Instant;

/**
 * A usage point's place in the grid and its power state, as the detector changes it.
 *
 * @see OutageDetector
 */
public final class MeterPower {

    private final long usagePointId;
    private final String feeder;
    private final String transformer;
    /** Made once: the detector asks for them several times per usage point and step. */
    private final Device transformerDevice;
    private final Device feederDevice;
    private PowerState state;
    private Instant offAt;
    private Instant lastEventAt;
    private Outage outage;
    private boolean changed;
    /** Its place in the picture: the order the detector goes through usage points in. */
    private int position;
    /** Whether its power state is stored (a usage point that reported a power event has one). */
    private boolean hasRow;

    /**
     * @param transformer null when the registry gives none (the usage point then only counts on its feeder)
     * @param lastEventAt null when it never reported a power event
     */
    public MeterPower(long usagePointId, String feeder, String transformer, PowerState state, Instant offAt,
            Instant lastEventAt) {
        this.usagePointId = usagePointId;
        this.feeder = feeder;
        this.transformer = transformer;
        this.transformerDevice = feeder == null || transformer == null ? null : new Device(feeder, transformer);
        this.feederDevice = feeder == null ? null : Device.feeder(feeder);
        this.state = state;
        this.offAt = offAt;
        this.lastEventAt = lastEventAt;
        this.hasRow = lastEventAt != null;
    }

    /** A usage point that never reported a power event. */
    public static MeterPower powered(long usagePointId, String feeder, String transformer) {
        return new MeterPower(usagePointId, feeder, transformer, PowerState.ON, null, null);
    }

    public long usagePointId() {
        return usagePointId;
    }

    public String feeder() {
        return feeder;
    }

    public String transformer() {
        return transformer;
    }

    /** The transformer it is behind; null when it has none or no feeder. */
    public Device transformerDevice() {
        return transformerDevice;
    }

    /** Its feeder; null when it has none. */
    public Device feederDevice() {
        return feederDevice;
    }

    public PowerState state() {
        return state;
    }

    /** The last gasp it is out (or pending) since; null when it is on. */
    public Instant offAt() {
        return offAt;
    }

    public Instant lastEventAt() {
        return lastEventAt;
    }

    /** The smallest active outage it is out in (its transformer's, else its feeder's); null when none. */
    public Outage outage() {
        return outage;
    }

    int position() {
        return position;
    }

    void position(int position) {
        this.position = position;
    }

    /** Whether its power state is stored: a change is then an update, else an insert. */
    public boolean hasRow() {
        return hasRow;
    }

    /** Its power state was written (in the transaction that is committing the detection). */
    public void rowWritten() {
        hasRow = true;
    }

    public boolean isChanged() {
        return changed;
    }

    void unchanged() {
        changed = false;
    }

    void outage(Outage outage) {
        if (this.outage != outage) {
            this.outage = outage;
            changed = true;
        }
    }

    void lastEvent(Instant at) {
        lastEventAt = at;
        changed = true;
    }

    void goPending(Instant at) {
        state = PowerState.PENDING;
        offAt = at;
        changed = true;
    }

    void goOut() {
        state = PowerState.OUT;
        changed = true;
    }

    void restore() {
        state = PowerState.ON;
        offAt = null;
        outage = null;
        changed = true;
    }
}
