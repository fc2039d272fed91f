package org.openmdms.web.billing;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openmdms.billing.boundary.BillingDeterminants;
import org.openmdms.billing.boundary.Tariffs;
import org.openmdms.billing.store.DeterminantRow;
import org.openmdms.meter.boundary.UsagePointView;
import org.openmdms.web.Messages;

/**
 * The Determinants tab of usagepoint/detail.xhtml: the usage point's tariff and billing cycle, the
 * current determinants of each billing period and account (stale where reads changed since they were
 * calculated), their earlier versions with what changed, and — for analysts and administrators — a
 * calculation of one period on demand.
 */
@Named
@ViewScoped
public class UsagePointDeterminants implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Versions read for the tab: enough for two years of monthly periods recalculated a few times. */
    static final int HISTORY_LIMIT = 200;

    @Inject
    transient BillingDeterminants determinants;

    @Inject
    transient Tariffs tariffs;

    /** A billing period of the cycle, [start, end) in local dates. */
    public record Period(LocalDate start, LocalDate end) implements Serializable {

        public String getLabel() {
            return start + " to " + end;
        }
    }

    /** An earlier version of a period's determinants and what the next version changed. */
    public record Version(int version, Instant calculatedAt, String reason, Long runId, boolean isFinal,
            String changes) implements Serializable {
    }

    /** The current determinants of one billing period and account, with their earlier versions. */
    public record Current(DeterminantRow row, boolean stale, List<Version> versions) implements Serializable {

        public int getMissing() {
            return row.expectedIntervals() - row.presentIntervals();
        }

        /** The share of expected intervals that are estimated, in percent (one decimal). */
        public BigDecimal getEstimatedPercent() {
            return percent(row.estimatedIntervals(), row.expectedIntervals());
        }

        public BigDecimal getMissingPercent() {
            return percent(getMissing(), row.expectedIntervals());
        }

        private static BigDecimal percent(int part, int whole) {
            return whole == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
        }

        /** Why the determinants are not final, in words; null when they are. */
        public String getProvisionalReason() {
            if (row.isFinal()) {
                return null;
            }
            List<String> why = new ArrayList<>();
            if (getMissing() > 0) {
                why.add(getMissing() + " intervals missing");
            }
            if (!row.complete() && getMissing() <= 0) {
                why.add("received channel incomplete");
            }
            if (row.unscheduledIntervals() > 0) {
                why.add(row.unscheduledIntervals() + " intervals outside the published calendar");
            }
            return why.isEmpty() ? "incomplete" : String.join(", ", why);
        }
    }

    private String code;
    private String zone;
    private String tariff;
    private String cycle;
    private List<Period> periods = List.of();
    private List<Current> current = List.of();
    private LocalDate from;
    private LocalDate to;
    private Current selected;

    /** Loads the tab for the usage point the page shows (nothing when the page found none). */
    public void load(UsagePointView usagePoint) {
        if (usagePoint == null) {
            return;
        }
        code = usagePoint.code();
        zone = usagePoint.timeZone();
        String[] billing = tariffs.billingOf(code);
        tariff = billing[0];
        cycle = billing[1];
        periods = cycle == null ? List.of() : periodsOf(tariffs.cycle(cycle).readDates());
        if (from == null && !periods.isEmpty()) {
            Period last = latestEnded(periods);
            from = last.start();
            to = last.end();
        }
        reload();
    }

    private void reload() {
        current = group(determinants.history(code, HISTORY_LIMIT), this::stale);
        if (selected != null) {
            selected = current.stream().filter(c -> sameKey(c.row(), selected.row())).findFirst().orElse(null);
        }
    }

    private boolean stale(DeterminantRow row) {
        return determinants.stale(code, row.periodStart(), row.periodEnd());
    }

    /** The periods between consecutive read dates. */
    static List<Period> periodsOf(List<LocalDate> readDates) {
        List<Period> periods = new ArrayList<>();
        for (int i = 1; i < readDates.size(); i++) {
            periods.add(new Period(readDates.get(i - 1), readDates.get(i)));
        }
        return periods;
    }

    /** The last period that has ended by today, or the first one when none has. */
    private static Period latestEnded(List<Period> periods) {
        LocalDate today = LocalDate.now();
        return periods.stream().filter(p -> !p.end().isAfter(today)).reduce((a, b) -> b).orElse(periods.get(0));
    }

    /**
     * Groups the versions (newest first) by billing period and account part: the current version of
     * each with its earlier ones, each earlier one described by what its successor changed.
     */
    static List<Current> group(List<DeterminantRow> history, java.util.function.Predicate<DeterminantRow> stale) {
        Map<String, List<DeterminantRow>> byKey = new LinkedHashMap<>();
        for (DeterminantRow row : history) {
            byKey.computeIfAbsent(key(row), k -> new ArrayList<>()).add(row);
        }
        Map<String, Boolean> staleByPeriod = new HashMap<>();
        List<Current> result = new ArrayList<>();
        for (List<DeterminantRow> versions : byKey.values()) {
            versions.sort((a, b) -> Integer.compare(b.version(), a.version()));
            DeterminantRow now = versions.stream().filter(r -> r.supersededAt() == null).findFirst().orElse(null);
            if (now == null) {
                continue; // an account part that a recalculation no longer has
            }
            List<Version> all = new ArrayList<>();
            for (int i = 0; i < versions.size(); i++) {
                DeterminantRow v = versions.get(i);
                String changes = i == versions.size() - 1 ? "first calculation" : changes(versions.get(i + 1), v);
                all.add(new Version(v.version(), v.calculatedAt(), v.reason(), v.runId(), v.isFinal(), changes));
            }
            boolean isStale = staleByPeriod.computeIfAbsent(now.periodStart() + "/" + now.periodEnd(),
                    p -> stale.test(now));
            result.add(new Current(now, isStale, all));
        }
        result.sort((a, b) -> {
            int byPeriod = b.row().periodStart().compareTo(a.row().periodStart());
            return byPeriod != 0 ? byPeriod : a.row().partStart().compareTo(b.row().partStart());
        });
        return result;
    }

    private static String key(DeterminantRow row) {
        return row.periodStart() + "/" + row.periodEnd() + "/" + row.accountId() + "/" + row.partStart();
    }

    private static boolean sameKey(DeterminantRow a, DeterminantRow b) {
        return key(a).equals(key(b));
    }

    /** What changed from one version to the next, in words: "delivered 10 → 10.5 kWh; missing 2 → 0". */
    static String changes(DeterminantRow before, DeterminantRow after) {
        List<String> changes = new ArrayList<>();
        number(changes, "delivered", before.deliveredKwh(), after.deliveredKwh(), " kWh");
        number(changes, "received", before.receivedKwh(), after.receivedKwh(), " kWh");
        number(changes, "CPP", before.cppKwh(), after.cppKwh(), " kWh");
        Map<String, DeterminantRow.Period> old = new HashMap<>();
        before.periods().forEach(p -> old.put(p.period(), p));
        for (DeterminantRow.Period p : after.periods()) {
            DeterminantRow.Period o = old.remove(p.period());
            number(changes, p.period(), o == null ? null : o.deliveredKwh(), p.deliveredKwh(), " kWh");
            number(changes, p.period() + " max", o == null ? null : o.maxKw(), p.maxKw(), " kW");
        }
        old.keySet().forEach(gone -> changes.add(gone + " no longer present"));
        count(changes, "missing", before.expectedIntervals() - before.presentIntervals(),
                after.expectedIntervals() - after.presentIntervals());
        count(changes, "estimated", before.estimatedIntervals(), after.estimatedIntervals());
        count(changes, "edited", before.editedIntervals(), after.editedIntervals());
        count(changes, "unscheduled", before.unscheduledIntervals(), after.unscheduledIntervals());
        if (before.tariffId() != after.tariffId() || before.tariffVersion() != after.tariffVersion()) {
            changes.add("tariff changed");
        }
        if (before.isFinal() != after.isFinal()) {
            changes.add(after.isFinal() ? "now final" : "now provisional");
        }
        return changes.isEmpty() ? "no value changed" : String.join("; ", changes);
    }

    private static void number(List<String> changes, String what, BigDecimal before, BigDecimal after, String unit) {
        boolean same = before == null ? after == null : after != null && before.compareTo(after) == 0;
        if (!same) {
            changes.add(what + " " + plain(before) + " → " + plain(after) + unit);
        }
    }

    private static void count(List<String> changes, String what, int before, int after) {
        if (before != after) {
            changes.add(what + " " + before + " → " + after);
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "–" : value.stripTrailingZeros().toPlainString();
    }

    /** Calculates the chosen period now; the new version (or "unchanged") shows at once. */
    public void calculate() {
        try {
            if (from == null || to == null) {
                throw new IllegalArgumentException("Choose the billing period to calculate");
            }
            List<DeterminantRow> rows = determinants.calculate(code, from, to);
            reload();
            boolean fresh = rows.stream().anyMatch(r -> r.calculatedAt() != null
                    && r.calculatedAt().isAfter(Instant.now().minusSeconds(60)));
            Messages.info("Determinants of " + code + " for " + from + " to " + to + " calculated"
                    + (fresh ? "" : ": nothing changed since version " + rows.get(0).version()));
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    /** Whether the row is a part of its billing period (an account change inside it), not the whole. */
    public boolean split(Current current) {
        DeterminantRow row = current.row();
        java.time.ZoneId id = java.time.ZoneId.of(zone);
        return !row.partStart().equals(row.periodStart().atStartOfDay(id).toInstant())
                || !row.partEnd().equals(row.periodEnd().atStartOfDay(id).toInstant());
    }

    public void select(Current row) {
        selected = row;
    }

    public static String amount(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    public String getCode() {
        return code;
    }

    public String getZone() {
        return zone;
    }

    public String getTariff() {
        return tariff;
    }

    public String getCycle() {
        return cycle;
    }

    public List<Period> getPeriods() {
        return periods;
    }

    public List<Current> getCurrent() {
        return current;
    }

    public Current getSelected() {
        return selected;
    }

    /** The chosen cycle period, by its start (the menu's value). */
    public LocalDate getPeriodStart() {
        return from;
    }

    public void setPeriodStart(LocalDate start) {
        periods.stream().filter(p -> Objects.equals(p.start(), start)).findFirst().ifPresent(p -> {
            from = p.start();
            to = p.end();
        });
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
