package org.openmdms.vee.control;

import java.time.Instant;

/** Consecutive missing intervals of a series, by the ends of the first and the last missing one. */
public record Gap(Instant firstEnd, Instant lastEnd) {
}
