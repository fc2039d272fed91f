package org.openmdms.meter.entity;

/** Direction of energy flow a channel measures, as seen from the utility. */
public enum FlowDirection {
    /** From the grid to the customer (consumption). */
    DELIVERED,
    /** From the customer to the grid (generation, export). */
    RECEIVED,
    /** Delivered minus received. */
    NET
}
