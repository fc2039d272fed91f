package org.openmdms.vee.control;

import java.math.BigDecimal;
import java.time.Instant;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;

/**
 * One expected interval of a channel: its end instant and, if a read is stored, its value, quality
 * flags and source. A missing interval has no value ({@code value == null}).
 */
public record Slot(Instant end, BigDecimal value, int quality, ReadSource source) {

    public static Slot missing(Instant end) {
        return new Slot(end, null, Quality.VALID, null);
    }

    public boolean isMissing() {
        return value == null;
    }

    /** Flagged power-off by the meter: never a real zero, never an end point for interpolation. */
    public boolean isOutage() {
        return value != null && Quality.has(quality, Quality.POWER_OUTAGE);
    }

    /** The same read flagged power-off (it lies inside an interruption outage detection recorded). */
    public Slot asOutage() {
        return value == null ? this : new Slot(end, value, quality | Quality.POWER_OUTAGE, source);
    }

    public boolean isEstimated() {
        return source == ReadSource.ESTIMATED;
    }

    /** A value read from the meter (or edited by an analyst), usable as evidence: not missing, not estimated, not outage. */
    public boolean isMeasured() {
        return value != null && source != ReadSource.ESTIMATED && !isOutage();
    }
}
