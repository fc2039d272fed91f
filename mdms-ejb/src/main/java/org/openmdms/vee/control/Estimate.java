package org.openmdms.vee.control;

import java.math.BigDecimal;
import java.time.Instant;

/** An estimated value for one interval, with the method that made it and its quality flags. */
public record Estimate(Instant end, BigDecimal value, String method, int quality) {
}
