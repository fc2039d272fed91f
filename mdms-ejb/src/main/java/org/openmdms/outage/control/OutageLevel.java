package org.openmdms.outage.control;

/** The device an outage is on: a distribution transformer, or a whole feeder. */
public enum OutageLevel {
    TRANSFORMER,
    FEEDER
}
