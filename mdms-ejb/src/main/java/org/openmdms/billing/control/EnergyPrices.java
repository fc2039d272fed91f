package org.openmdms.billing.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Energy prices per TOU period (e.g. High 67.20, Normal 11.76, Low 3.99 p/kWh) and the energy cost of
 * determinants at those prices. The cost of a period is its delivered kWh × price, rounded half up to
 * {@code costScale} decimals of the price's currency unit (2 by default: hundredths of a penny for
 * p/kWh); the total is the sum of the rounded period costs, so the lines of a bill add up. Energy in a
 * period without a price is refused rather than priced at zero.
 */
public record EnergyPrices(Map<String, BigDecimal> pricePerKwh, int costScale) {

    public EnergyPrices {
        pricePerKwh = Collections.unmodifiableMap(new LinkedHashMap<>(pricePerKwh));
        if (costScale < 0) {
            throw new IllegalArgumentException("cost scale must not be negative: " + costScale);
        }
    }

    public EnergyPrices(Map<String, BigDecimal> pricePerKwh) {
        this(pricePerKwh, 2);
    }

    /** The cost of each period's delivered energy and the total. */
    public EnergyCost cost(Determinants determinants) {
        return cost(determinants.deliveredKwhByPeriod());
    }

    /** The cost of energy given per period name. */
    public EnergyCost cost(Map<String, BigDecimal> kwhByPeriod) {
        Map<String, BigDecimal> byPeriod = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO.setScale(costScale);
        for (Map.Entry<String, BigDecimal> entry : kwhByPeriod.entrySet()) {
            BigDecimal price = pricePerKwh.get(entry.getKey());
            if (price == null) {
                if (entry.getValue().signum() == 0) {
                    continue;
                }
                throw new IllegalArgumentException("no price for period " + entry.getKey() + " (" + entry.getValue()
                        + " kWh); prices are given for " + pricePerKwh.keySet());
            }
            BigDecimal cost = entry.getValue().multiply(price).setScale(costScale, RoundingMode.HALF_UP);
            byPeriod.put(entry.getKey(), cost);
            total = total.add(cost);
        }
        return new EnergyCost(byPeriod, total);
    }
}
