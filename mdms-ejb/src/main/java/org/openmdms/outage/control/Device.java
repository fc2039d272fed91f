package org.openmdms.outage.control;

/**
 * A transformer on its feeder, or a feeder ({@code transformer} null): what an outage is on.
 * Transformer names are only unique within their feeder.
 */
public record Device(String feeder, String transformer) {

    public static Device feeder(String feeder) {
        return new Device(feeder, null);
    }

    public OutageLevel level() {
        return transformer == null ? OutageLevel.FEEDER : OutageLevel.TRANSFORMER;
    }

    @Override
    public String toString() {
        return transformer == null ? feeder : feeder + "/" + transformer;
    }
}
