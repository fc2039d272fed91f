package org.openmdms.billing.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a recalculation counts as unchanged: the same values, whatever the bookkeeping and the order of periods. */
class DeterminantRowTest {

    private static final Instant START = Instant.parse("2013-03-01T00:00:00Z");
    private static final Instant END = Instant.parse("2013-04-01T00:00:00Z");

    private static DeterminantRow row(int version, String reason, List<DeterminantRow.Period> periods, String total) {
        return new DeterminantRow(1L, 7, "ACC-1", LocalDate.of(2013, 3, 1), LocalDate.of(2013, 4, 1), START, END, 3, 1,
                version, Instant.now(), null, null, reason, 30, 30, new BigDecimal(total), BigDecimal.ZERO,
                new BigDecimal(total), BigDecimal.ZERO, 1486, 1486, 1, 0, 0, true, true, new BigDecimal("9.99"), periods);
    }

    private static DeterminantRow.Period period(String name, String kwh) {
        return new DeterminantRow.Period(name, new BigDecimal(kwh), BigDecimal.ZERO, new BigDecimal("1.5"), START,
                START.plusSeconds(1800), null);
    }

    @Test
    void periodsInAnotherOrderAndOtherBookkeepingAreTheSame() {
        DeterminantRow stored = row(1, "FIRST", List.of(period("High", "10.000"), period("Low", "5.5")), "15.5");
        DeterminantRow again = row(0, "ON_DEMAND", List.of(period("Low", "5.500"), period("High", "10")), "15.500");
        assertTrue(again.sameValues(stored));
    }

    @Test
    void aDifferentValueIsNotTheSame() {
        DeterminantRow stored = row(1, "FIRST", List.of(period("High", "10"), period("Low", "5.5")), "15.5");
        DeterminantRow again = row(0, "STALE", List.of(period("High", "10"), period("Low", "5.6")), "15.6");
        assertFalse(again.sameValues(stored));
    }
}
