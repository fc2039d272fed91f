package org.openmdms.outage.control;

import java.time.Instant;

/**
 * A usage point without power from its last gasp to its power restore ({@code onAt} null while it
 * is out). Momentary when shorter than the policy's momentary time: recorded, never counted as out.
 */
public record Interruption(long usagePointId, Instant offAt, Instant onAt, boolean momentary) {
}
