package org.openmdms.vee.control.rules;

import java.math.BigDecimal;

/** Percentage parameters applied to a quantity, exactly: 2 % of 24.5 kWh is 0.49 kWh. */
final class Percent {

    private Percent() {
    }

    /**
     * {@code percent} % of {@code base}: {@code base × percent / 100}, as {@link BigDecimal#divide(BigDecimal)}
     * gives it (the exact quotient at the product's scale or the least more it needs), by moving the
     * decimal point instead of dividing — high-low-usage asks this of every judged day, and the
     * division was about a twentieth of a VEE lane's samples (JFR).
     */
    static BigDecimal of(BigDecimal percent, BigDecimal base) {
        BigDecimal product = base.multiply(percent);
        if (product.signum() == 0) {
            return product;
        }
        BigDecimal quotient = product.movePointLeft(2);
        BigDecimal least = quotient.stripTrailingZeros();
        return least.scale() < product.scale() ? quotient.setScale(product.scale()) : least;
    }
}
