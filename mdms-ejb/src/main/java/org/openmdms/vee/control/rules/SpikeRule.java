package org.openmdms.vee.control.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.openmdms.vee.control.Finding;
import org.openmdms.vee.control.IntervalSeries;
import org.openmdms.vee.control.ParameterSpec;
import org.openmdms.vee.control.ParameterType;
import org.openmdms.vee.control.RuleParameters;
import org.openmdms.vee.control.Severity;
import org.openmdms.vee.control.Slot;
import org.openmdms.vee.control.VeeContext;

/**
 * A measured value far above its neighbours: more than {@code factor} × the mean of the measured
 * intervals within {@code window} slots either side, and above {@code floor} (so that small loads
 * next to zeros are not spikes). Only measured intervals are evidence — estimated, outage and missing
 * neighbours are left out of the mean, and an interval with fewer than two measured neighbours is not
 * judged. Neighbours are taken from the judged days only. One finding per spiking interval.
 */
public final class SpikeRule extends CatalogueRule {

    public static final String ID = "spike";
    static final String FACTOR = "factor";
    static final String FLOOR = "floor";
    static final String WINDOW = "window";
    private static final int MIN_NEIGHBOURS = 2;

    public SpikeRule() {
        super(ID, "Value more than k times the mean of its neighbouring intervals, above a floor",
                List.of(new ParameterSpec(FACTOR, ParameterType.DECIMAL, "5",
                        "k: a value above k × the neighbours' mean is a spike"),
                        new ParameterSpec(FLOOR, ParameterType.DECIMAL, "1",
                                "values up to this, in the channel's unit, are never spikes"),
                        new ParameterSpec(WINDOW, ParameterType.INTEGER, "4",
                                "neighbouring intervals considered on each side"),
                        RuleSeverity.parameter(Severity.WARNING)));
    }

    @Override
    public List<Finding> check(VeeContext context, RuleParameters parameters) {
        BigDecimal factor = parameters.decimal(FACTOR);
        BigDecimal floor = parameters.decimal(FLOOR);
        int window = parameters.integer(WINDOW);
        Severity severity = RuleSeverity.of(parameters);
        List<Slot> slots = context.judged().slots();
        double[] measured = measuredValues(slots);
        double k = factor.doubleValue();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            if (!slot.isMeasured() || slot.value().compareTo(floor) <= 0 || clearlyNoSpike(measured, i, window, k)) {
                continue;
            }
            List<Slot> neighbours = measuredNeighbours(slots, i, window);
            if (neighbours.size() < MIN_NEIGHBOURS) {
                continue;
            }
            BigDecimal mean = IntervalSeries.total(neighbours).divide(BigDecimal.valueOf(neighbours.size()), MathContext.DECIMAL64);
            BigDecimal limit = factor.multiply(mean).round(MathContext.DECIMAL64).stripTrailingZeros();
            if (slot.value().compareTo(limit) > 0) {
                findings.add(new Finding(ID, severity, slot.end(), slot.end(), "value " + slot.value().stripTrailingZeros().toPlainString()
                        + " is more than " + factor.toPlainString() + " × the mean of " + neighbours.size()
                        + " neighbouring intervals (limit " + limit.toPlainString() + ")", slot.value(), limit));
            }
        }
        return findings;
    }

    /** The measured values as doubles, NaN where a slot is not measured. */
    private static double[] measuredValues(List<Slot> slots) {
        double[] values = new double[slots.size()];
        for (int i = 0; i < values.length; i++) {
            Slot slot = slots.get(i);
            values[i] = slot.isMeasured() ? slot.value().doubleValue() : Double.NaN;
        }
        return values;
    }

    /**
     * Whether the value at {@code at} is certainly no spike, decided in doubles: value × n below
     * k × the neighbours' sum by a margin far wider than the rounding of the doubles (~1e-16 relative)
     * and of the exact check (DECIMAL64, ~1e-15). Most intervals are no spike, and the exact check
     * divides and rounds BigDecimals; anything near the limit is left to it, so the findings are the
     * exact check's.
     */
    private static boolean clearlyNoSpike(double[] measured, int at, int window, double k) {
        double sum = 0;
        double magnitude = 0;
        int n = 0;
        for (int j = Math.max(0, at - window); j <= Math.min(measured.length - 1, at + window); j++) {
            if (j != at && !Double.isNaN(measured[j])) {
                sum += measured[j];
                magnitude += Math.abs(measured[j]);
                n++;
            }
        }
        if (n < MIN_NEIGHBOURS) {
            return true; // not judged: too few measured neighbours, as in the exact check
        }
        double value = measured[at] * n;
        double margin = 1e-9 * (Math.abs(k) * magnitude + Math.abs(value)) + Double.MIN_NORMAL;
        return value < k * sum - margin;
    }

    private static List<Slot> measuredNeighbours(List<Slot> slots, int at, int window) {
        List<Slot> neighbours = new ArrayList<>();
        for (int j = Math.max(0, at - window); j <= Math.min(slots.size() - 1, at + window); j++) {
            if (j != at && slots.get(j).isMeasured()) {
                neighbours.add(slots.get(j));
            }
        }
        return neighbours;
    }
}
