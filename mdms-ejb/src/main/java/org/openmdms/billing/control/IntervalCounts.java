package org.openmdms.billing.control;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The quality of one channel's data in an account period: how many intervals were expected (from the
 * real length of the local days), present, missing after VEE, estimated and edited. Shares are of the
 * expected intervals, as fractions with 4 decimals (0.0134 = 1.34 %), rounded half up.
 */
public record IntervalCounts(int expected, int present, int estimated, int edited) {

    public static final int SHARE_SCALE = 4;

    public IntervalCounts {
        if (present > expected || estimated + edited > present || estimated < 0 || edited < 0) {
            throw new IllegalArgumentException("inconsistent counts: " + present + " present of " + expected
                    + " expected, " + estimated + " estimated, " + edited + " edited");
        }
    }

    public int missing() {
        return expected - present;
    }

    /** No interval missing. */
    public boolean complete() {
        return missing() == 0;
    }

    public BigDecimal missingShare() {
        return share(missing());
    }

    public BigDecimal estimatedShare() {
        return share(estimated);
    }

    public BigDecimal editedShare() {
        return share(edited);
    }

    private BigDecimal share(int count) {
        if (expected == 0) {
            return BigDecimal.ZERO.setScale(SHARE_SCALE);
        }
        return BigDecimal.valueOf(count).divide(BigDecimal.valueOf(expected), SHARE_SCALE, RoundingMode.HALF_UP);
    }
}
