package org.openmdms.vee.boundary;

import java.math.BigDecimal;
import java.time.Instant;

/** A value an analyst sets for one interval, by its end instant. */
public record EditedValue(Instant intervalEnd, BigDecimal value) {
}
