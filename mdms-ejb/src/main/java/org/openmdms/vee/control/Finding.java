package org.openmdms.vee.control;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a failed check found: the rule, how severe, the intervals concerned by their ends
 * [firstEnd, lastEnd] (both included), a message an analyst reads, and where it helps the value found
 * and the limit it broke (either may be null).
 */
public record Finding(String ruleId, Severity severity, Instant firstEnd, Instant lastEnd, String message,
        BigDecimal value, BigDecimal limit) {
}
