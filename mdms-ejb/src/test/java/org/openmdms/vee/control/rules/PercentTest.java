package org.openmdms.vee.control.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A percentage of a quantity is what dividing by a hundred gives: the same value at the same scale. */
class PercentTest {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Test
    void movingThePointGivesWhatDividingByAHundredGives() {
        List<String> values = List.of("0", "0.000", "24.5", "-24.5", "100", "1E+5", "5E+3", "12345678901234.56",
                "0.000001", "3", "7.10", "200", "20", "2.5", "1E-12");
        for (String base : values) {
            for (String percent : values) {
                check(new BigDecimal(percent), new BigDecimal(base));
            }
        }
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            // like-day means as high-low-usage computes them: DECIMAL64 quotients
            BigDecimal mean = BigDecimal.valueOf(random.nextLong() % 1_000_000_000L, random.nextInt(8))
                    .divide(BigDecimal.valueOf(1 + random.nextInt(20)), MathContext.DECIMAL64);
            check(BigDecimal.valueOf(random.nextInt(1000), random.nextInt(3) - 1), mean);
        }
        assertEquals("0.49", Percent.of(new BigDecimal("2"), new BigDecimal("24.5")).toPlainString());
    }

    private static void check(BigDecimal percent, BigDecimal base) {
        BigDecimal divided = base.multiply(percent).divide(HUNDRED);
        assertEquals(divided, Percent.of(percent, base), percent + " % of " + base);
    }
}
