package org.openmdms.billing.control;

import java.math.BigDecimal;

/**
 * The determinants of one TOU period in an account period: kWh delivered and received (3 decimals)
 * and the maximum demand on the delivered channel, null when no complete demand window started in
 * the period.
 */
public record PeriodDeterminant(String period, BigDecimal deliveredKwh, BigDecimal receivedKwh,
        PeakDemand maxDemand) {

    /** Delivered − received: negative when the customer exported more than imported. */
    public BigDecimal netKwh() {
        return deliveredKwh.subtract(receivedKwh);
    }
}
