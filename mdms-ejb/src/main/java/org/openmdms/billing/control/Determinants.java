package org.openmdms.billing.control;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The billing determinants of a usage point for one account period (DOMAIN.md §5): energy delivered,
 * received and net, energy and maximum demand per TOU period, critical-peak energy, and the quality of
 * the data they come from. kWh and kW at 3 decimals. {@code periods} lists every period of the
 * schedule in its order, zero when unused, then {@link TouSchedule#UNSCHEDULED} if any interval fell
 * outside a calendar schedule. {@code received} is null when the usage point has no received
 * channel. Immutable.
 */
public record Determinants(AccountPeriod accountPeriod, String schedule, int intervalMinutes,
        int demandWindowMinutes, BigDecimal deliveredKwh, BigDecimal receivedKwh, List<PeriodDeterminant> periods,
        BigDecimal cppKwh, IntervalCounts delivered, IntervalCounts received, int unscheduledIntervals) {

    public Determinants {
        periods = List.copyOf(periods);
    }

    /** Delivered − received. */
    public BigDecimal netKwh() {
        return deliveredKwh.subtract(receivedKwh);
    }

    /** No interval missing on the delivered channel nor, if there is one, on the received channel. */
    public boolean complete() {
        return delivered.complete() && (received == null || received.complete());
    }

    /**
     * Ready to bill: complete, and every interval has a TOU period (none outside a calendar schedule).
     * Otherwise the determinants are provisional and say so.
     */
    public boolean isFinal() {
        return complete() && period(TouSchedule.UNSCHEDULED).isEmpty();
    }

    public boolean hasReceivedChannel() {
        return received != null;
    }

    public Optional<PeriodDeterminant> period(String name) {
        return periods.stream().filter(p -> p.period().equals(name)).findFirst();
    }

    /** kWh delivered by period name, in the order of {@link #periods()}. */
    public Map<String, BigDecimal> deliveredKwhByPeriod() {
        Map<String, BigDecimal> kwh = new LinkedHashMap<>();
        for (PeriodDeterminant period : periods) {
            kwh.put(period.period(), period.deliveredKwh());
        }
        return Collections.unmodifiableMap(kwh);
    }
}
