package org.openmdms.vee.control.estimation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.openmdms.reading.entity.Quality;
import org.openmdms.vee.control.Estimate;

/**
 * How an estimate's value and quality are made. Values are exact decimals rounded half-up to the six
 * decimals the interval store keeps (NUMERIC(18,6)), without trailing zeros: 80, not 80.000000. The
 * quality code carries the method ({@link Quality#ofEstimationMethod}: bits 8–11), so that every
 * stored estimate says how it was made; that the value is estimated is said by its source,
 * ESTIMATED, which the boundary sets when it stores the estimate. SUBSTITUTED is not used: it means
 * the sender substituted the value.
 */
final class EstimatedValues {

    static final int SCALE = 6;

    private EstimatedValues() {
    }

    static Estimate of(Instant end, BigDecimal value, String method) {
        return new Estimate(end, round(value), method, Quality.ofEstimationMethod(method));
    }

    static BigDecimal round(BigDecimal value) {
        BigDecimal rounded = value.setScale(SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    /** numerator / denominator, rounded once to the stored scale. */
    static BigDecimal divide(BigDecimal numerator, BigDecimal denominator) {
        return round(numerator.divide(denominator, SCALE, RoundingMode.HALF_UP));
    }
}
