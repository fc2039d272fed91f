package org.openmdms.vee.control.rules;

import java.math.BigDecimal;

/** Percentage parameters applied to a quantity, exactly: 2 % of 24.5 kWh is 0.49 kWh. */
final class Percent {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percent() {
    }

    /** {@code percent} % of {@code base}. */
    static BigDecimal of(BigDecimal percent, BigDecimal base) {
        return base.multiply(percent).divide(HUNDRED);
    }
}
