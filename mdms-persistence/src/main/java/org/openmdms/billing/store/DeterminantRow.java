package org.openmdms.billing.store;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of the determinants of a usage point, billing period [periodStart, periodEnd) and
 * account (the part [partStart, partEnd) the account held), as stored. {@code supersededAt} is null
 * for the current version.
 */
public record DeterminantRow(Long id, long usagePointId, String accountId, LocalDate periodStart, LocalDate periodEnd,
        Instant partStart, Instant partEnd, long tariffId, long tariffVersion, int version, Instant calculatedAt,
        Instant supersededAt, Long runId, String reason, int intervalMinutes, int demandWindowMinutes,
        BigDecimal deliveredKwh, BigDecimal receivedKwh, BigDecimal netKwh, BigDecimal cppKwh, int expectedIntervals,
        int presentIntervals, int estimatedIntervals, int editedIntervals, int unscheduledIntervals, boolean complete,
        boolean isFinal, BigDecimal cost, List<Period> periods) implements Serializable {

    /** kWh and maximum demand of one TOU period. */
    public record Period(String period, BigDecimal deliveredKwh, BigDecimal receivedKwh, BigDecimal maxKw,
            Instant maxKwStart, Instant maxKwEnd, BigDecimal cost) implements Serializable {
    }

    /** Whether the values (not the bookkeeping) equal another version's: a recalculation that changes nothing. */
    public boolean sameValues(DeterminantRow other) {
        return java.util.Objects.equals(accountId, other.accountId) && partStart.equals(other.partStart)
                && partEnd.equals(other.partEnd) && deliveredKwh.compareTo(other.deliveredKwh) == 0
                && receivedKwh.compareTo(other.receivedKwh) == 0 && cppKwh.compareTo(other.cppKwh) == 0
                && expectedIntervals == other.expectedIntervals && presentIntervals == other.presentIntervals
                && estimatedIntervals == other.estimatedIntervals && editedIntervals == other.editedIntervals
                && unscheduledIntervals == other.unscheduledIntervals && samePeriods(other.periods);
    }

    /** The same periods with the same values, in any order. */
    private boolean samePeriods(List<Period> others) {
        if (periods.size() != others.size()) {
            return false;
        }
        java.util.Map<String, Period> byName = new java.util.HashMap<>();
        others.forEach(p -> byName.put(p.period, p));
        for (Period a : periods) {
            Period b = byName.get(a.period);
            if (b == null || a.deliveredKwh.compareTo(b.deliveredKwh) != 0 || a.receivedKwh.compareTo(b.receivedKwh) != 0
                    || !sameNumber(a.maxKw, b.maxKw) || !java.util.Objects.equals(a.maxKwEnd, b.maxKwEnd)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
