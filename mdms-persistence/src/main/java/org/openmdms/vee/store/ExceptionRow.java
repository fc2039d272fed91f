package org.openmdms.vee.store;

import org.openmdms.vee.entity.VeeException;

/** An exception with the usage point it is about, as the work queue lists it. */
public record ExceptionRow(VeeException exception, String usagePoint, String feeder, String timeZone) {
}
