package org.openmdms.web.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmdms.billing.store.DeterminantRow;

class UsagePointDeterminantsTest {

    private static final LocalDate JAN = LocalDate.of(2013, 1, 1);
    private static final LocalDate FEB = LocalDate.of(2013, 2, 1);
    private static final LocalDate MAR = LocalDate.of(2013, 3, 1);

    @Test
    void versionsAreGroupedByPeriodAndAccountNewestPeriodFirstWithWhatEachChanged() {
        DeterminantRow janV1 = row(JAN, FEB, 1, "100", "30", 2, Instant.parse("2013-02-02T00:00:00Z"));
        DeterminantRow janV2 = row(JAN, FEB, 2, "101.5", "31.5", 0, null);
        DeterminantRow febV1 = row(FEB, MAR, 1, "90", "20", 0, null);

        List<UsagePointDeterminants.Current> current = UsagePointDeterminants.group(List.of(janV2, febV1, janV1),
                r -> r.periodStart().equals(FEB));

        assertEquals(2, current.size());
        assertEquals(FEB, current.get(0).row().periodStart());
        assertTrue(current.get(0).stale());
        assertEquals(JAN, current.get(1).row().periodStart());
        assertFalse(current.get(1).stale());
        assertEquals(2, current.get(1).row().version());
        List<UsagePointDeterminants.Version> versions = current.get(1).versions();
        assertEquals(List.of(2, 1), versions.stream().map(UsagePointDeterminants.Version::version).toList());
        assertEquals("delivered 100 → 101.5 kWh; peak 30 → 31.5 kWh; missing 2 → 0; now final", versions.get(0).changes());
        assertEquals("first calculation", versions.get(1).changes());
    }

    @Test
    void provisionalSaysWhy() {
        UsagePointDeterminants.Current c = new UsagePointDeterminants.Current(
                row(JAN, FEB, 1, "100", "30", 3, null), false, List.of());
        assertEquals(3, c.getMissing());
        assertEquals("3 intervals missing", c.getProvisionalReason());
        assertEquals(new BigDecimal("0.2"), c.getMissingPercent());
    }

    @Test
    void cyclePeriodsAndTypedInput() {
        assertEquals(List.of(new UsagePointDeterminants.Period(JAN, FEB), new UsagePointDeterminants.Period(FEB, MAR)),
                UsagePointDeterminants.periodsOf(List.of(JAN, FEB, MAR)));
        assertEquals(List.of(JAN, FEB), BillingCyclePage.dates("2013-01-01\n 2013-02-01 \n"));
        assertThrows(IllegalArgumentException.class, () -> BillingCyclePage.dates("2013-13-01"));
        assertEquals(List.of("A", "B"), UsagePointCodes.parse("A\r\n\nB, A"));
        assertThrows(IllegalArgumentException.class, () -> UsagePointCodes.parse(" \n"));
    }

    private static DeterminantRow row(LocalDate start, LocalDate end, int version, String delivered, String peak,
            int missing, Instant supersededAt) {
        int expected = 1488;
        Instant from = start.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Instant to = end.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        BigDecimal total = new BigDecimal(delivered);
        BigDecimal onPeak = new BigDecimal(peak);
        return new DeterminantRow((long) version, 7, "ACC", start, end, from, to, 3, 1, version,
                Instant.parse("2013-03-01T00:00:00Z").plusSeconds(version), supersededAt, null, "ON_DEMAND", 30, 30,
                total, BigDecimal.ZERO, total, BigDecimal.ZERO, expected, expected - missing, 0, 0, 0, missing == 0,
                missing == 0, null, List.of(
                        new DeterminantRow.Period("off-peak", total.subtract(onPeak), BigDecimal.ZERO, null, null, null, null),
                        new DeterminantRow.Period("peak", onPeak, BigDecimal.ZERO, null, null, null, null)));
    }
}
