package org.openmdms.vee.boundary;

import java.time.LocalDate;
import java.util.Map;

/**
 * What one VEE run did for a usage point's days [from, to): channels checked, findings per rule,
 * exceptions raised, found again and resolved because no longer found, and intervals estimated.
 */
public record VeeRunResult(String usagePoint, LocalDate from, LocalDate to, int channels,
        Map<String, Integer> findingsByRule, int raised, int foundAgain, int resolved, int estimated) {
}
