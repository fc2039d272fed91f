package org.openmdms.meter.entity;

/** Customer class of a usage point; VEE rule sets and tariffs are chosen by it. */
public enum CustomerClass {
    RESIDENTIAL, COMMERCIAL, INDUSTRIAL
}
