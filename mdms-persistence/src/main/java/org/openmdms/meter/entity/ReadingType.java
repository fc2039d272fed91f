package org.openmdms.meter.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a channel measures: unit, interval length (none for a register) and flow direction.
 * Immutable; a channel that starts measuring something else is a new channel.
 */
@Embeddable
public class ReadingType {

    public static final Set<Integer> INTERVAL_MINUTES =
            java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(List.of(1, 5, 10, 15, 30, 60)));

    @Enumerated(EnumType.STRING)
    @Column(name = "unit", nullable = false, length = 16)
    private Unit unit;

    @Column(name = "interval_minutes")
    private Integer intervalMinutes;

    @Enumerated(EnumType.STRING)
    @Column(name = "flow_direction", nullable = false, length = 16)
    private FlowDirection flowDirection;

    protected ReadingType() {
    }

    public ReadingType(Unit unit, Integer intervalMinutes, FlowDirection flowDirection) {
        this.unit = Objects.requireNonNull(unit, "unit");
        this.flowDirection = Objects.requireNonNull(flowDirection, "flow direction");
        if (intervalMinutes != null && !INTERVAL_MINUTES.contains(intervalMinutes)) {
            throw new RegistryRuleViolation("Interval length must be one of " + INTERVAL_MINUTES
                    + " minutes, or empty for a register; was " + intervalMinutes);
        }
        this.intervalMinutes = intervalMinutes;
    }

    public static ReadingType interval(Unit unit, int minutes, FlowDirection direction) {
        return new ReadingType(unit, minutes, direction);
    }

    public static ReadingType register(Unit unit, FlowDirection direction) {
        return new ReadingType(unit, null, direction);
    }

    public Unit unit() {
        return unit;
    }

    /** Interval length in minutes, or null for a register channel. */
    public Integer intervalMinutes() {
        return intervalMinutes;
    }

    public FlowDirection flowDirection() {
        return flowDirection;
    }

    public boolean isRegister() {
        return intervalMinutes == null;
    }

    /** Short label as analysts read it: "kWh 30 min delivered", "kWh register received". */
    public String label() {
        return unit.symbol() + (isRegister() ? " register " : " " + intervalMinutes + " min ")
                + flowDirection.name().toLowerCase();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadingType other && unit == other.unit
                && Objects.equals(intervalMinutes, other.intervalMinutes) && flowDirection == other.flowDirection;
    }

    @Override
    public int hashCode() {
        return Objects.hash(unit, intervalMinutes, flowDirection);
    }

    @Override
    public String toString() {
        return label();
    }
}
