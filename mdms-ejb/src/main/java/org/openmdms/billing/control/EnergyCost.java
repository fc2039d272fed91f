package org.openmdms.billing.control;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Energy cost per TOU period, in the order of the determinants, and their total; see {@link EnergyPrices}. */
public record EnergyCost(Map<String, BigDecimal> byPeriod, BigDecimal total) {

    public EnergyCost {
        byPeriod = Collections.unmodifiableMap(new LinkedHashMap<>(byPeriod));
    }
}
