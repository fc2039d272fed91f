package org.openmdms.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Low Carbon London dynamic tariff's prices: High 67.20, Normal 11.76, Low 3.99 p/kWh. */
class EnergyPricesTest {

    private final EnergyPrices dtou = new EnergyPrices(Map.of("High", new BigDecimal("67.20"), "Normal",
            new BigDecimal("11.76"), "Low", new BigDecimal("3.99")));

    @ParameterizedTest(name = "High {0}, Normal {1}, Low {2} kWh")
    @CsvSource({
        "10.000, 100.000, 50.000, 672.00, 1176.00, 199.50, 2047.50",
        // 8.2656, 11.8188, 1.32867: each rounded half up to hundredths of a penny, then added
        "0.123, 1.005, 0.333, 8.27, 11.82, 1.33, 21.42",
        "0.000, 0.000, 0.125, 0.00, 0.00, 0.50, 0.50",
        "-1.000, 2.000, 0.000, -67.20, 23.52, 0.00, -43.68",
    })
    void eachPeriodIsPricedAndRoundedAndTheTotalAddsTheLines(String high, String normal, String low,
            String highCost, String normalCost, String lowCost, String total) {
        Map<String, BigDecimal> kwh = new LinkedHashMap<>();
        kwh.put("High", new BigDecimal(high));
        kwh.put("Normal", new BigDecimal(normal));
        kwh.put("Low", new BigDecimal(low));

        EnergyCost cost = dtou.cost(kwh);

        assertEquals(new BigDecimal(highCost), cost.byPeriod().get("High"));
        assertEquals(new BigDecimal(normalCost), cost.byPeriod().get("Normal"));
        assertEquals(new BigDecimal(lowCost), cost.byPeriod().get("Low"));
        assertEquals(new BigDecimal(total), cost.total());
    }

    @Test
    void energyWithoutAPriceIsRefusedButAnUnpricedPeriodWithoutEnergyIsSkipped() {
        assertEquals(new BigDecimal("0.00"), dtou.cost(Map.of("Peak", new BigDecimal("0.000"))).total());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> dtou.cost(Map.of("Peak", new BigDecimal("1.000"))));
        assertEquals(true, refused.getMessage().startsWith("no price for period Peak (1.000 kWh)"));
    }

    @Test
    void theCostScaleIsChosenPerTariff() {
        EnergyPrices pounds = new EnergyPrices(Map.of("Normal", new BigDecimal("0.1176")), 4);

        assertEquals(new BigDecimal("0.1182"), pounds.cost(Map.of("Normal", new BigDecimal("1.005"))).total());
    }
}
