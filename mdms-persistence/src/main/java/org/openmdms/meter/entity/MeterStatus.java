package org.openmdms.meter.entity;

/** Life cycle of a meter; INSTALLED and REMOVED follow from its installation history. */
public enum MeterStatus {
    IN_STOCK, INSTALLED, REMOVED, RETIRED
}
