package org.openmdms.vee.control.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.openmdms.vee.control.DayType;
import org.openmdms.vee.control.Finding;
import org.openmdms.vee.control.IntervalSeries;
import org.openmdms.vee.control.ParameterSpec;
import org.openmdms.vee.control.ParameterType;
import org.openmdms.vee.control.RuleParameters;
import org.openmdms.vee.control.Severity;
import org.openmdms.vee.control.Slot;
import org.openmdms.vee.control.VeeContext;

/**
 * A day's total far from the usual for its kind of day. The mean M is taken over the complete like
 * days (same {@link DayType}; holidays count as Sundays) among the {@code historyDays} days before the
 * judged day — from the history or from earlier judged days. A like day is complete when every one
 * of its intervals is measured (none missing, estimated or flagged outage). The day is <em>high</em>
 * when its total exceeds M × (100 + {@code highPercent}) / 100 — with 200, above 3 × M — and
 * <em>low</em> when it is below M × {@code lowPercent} / 100 — with 20, below 0.2 × M. A judged day
 * with missing or outage intervals is not judged (missing-intervals and outage-flag report those),
 * nor is a day with fewer than {@code minLikeDays} complete like days. Estimated intervals of the
 * judged day count in its total. One finding per day, over the day's intervals.
 */
public final class HighLowUsageRule extends CatalogueRule {

    public static final String ID = "high-low-usage";
    static final String HIGH = "highPercent";
    static final String LOW = "lowPercent";
    static final String HISTORY_DAYS = "historyDays";
    static final String MIN_LIKE_DAYS = "minLikeDays";

    public HighLowUsageRule() {
        super(ID, "Day total outside bands around the mean of like days in the prior weeks",
                List.of(new ParameterSpec(HIGH, ParameterType.PERCENT, "200",
                        "high when the total is more than this many percent above the like-day mean (200: above 3×)"),
                        new ParameterSpec(LOW, ParameterType.PERCENT, "20",
                                "low when the total is below this percentage of the like-day mean (20: below 0.2×)"),
                        new ParameterSpec(HISTORY_DAYS, ParameterType.INTEGER, "28",
                                "days before the judged day searched for like days"),
                        new ParameterSpec(MIN_LIKE_DAYS, ParameterType.INTEGER, "2",
                                "complete like days needed to judge a day (at least 1)"),
                        RuleSeverity.parameter(Severity.WARNING)));
    }

    @Override
    public List<Finding> check(VeeContext context, RuleParameters parameters) {
        BigDecimal highPercent = parameters.decimal(HIGH);
        BigDecimal lowPercent = parameters.decimal(LOW);
        int minLikeDays = Math.max(1, parameters.integer(MIN_LIKE_DAYS));
        int historyDays = parameters.integer(HISTORY_DAYS);
        Severity severity = RuleSeverity.of(parameters);
        List<Finding> findings = new ArrayList<>();
        List<LocalDate> days = context.days();
        if (days.isEmpty()) {
            return findings;
        }
        LikeDays likeDays = new LikeDays(context, days.get(0).minusDays(Math.max(0, historyDays)),
                days.get(days.size() - 1));
        for (LocalDate day : days) {
            List<Slot> slots = context.judged().day(day);
            if (slots.stream().anyMatch(slot -> slot.isMissing() || slot.isOutage())) {
                continue;
            }
            List<BigDecimal> likeTotals = likeDays.totalsBefore(day, historyDays);
            if (likeTotals.size() < minLikeDays) {
                continue;
            }
            BigDecimal mean = likeTotals.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(likeTotals.size()), MathContext.DECIMAL64);
            BigDecimal total = IntervalSeries.total(slots);
            BigDecimal high = mean.add(Percent.of(highPercent, mean)).stripTrailingZeros();
            BigDecimal low = Percent.of(lowPercent, mean).stripTrailingZeros();
            boolean isHigh = total.compareTo(high) > 0;
            if (isHigh || total.compareTo(low) < 0) {
                String against = " of " + day + " against a mean of " + mean.stripTrailingZeros().toPlainString()
                        + " over " + likeTotals.size() + " like days";
                BigDecimal limit = isHigh ? high : low;
                findings.add(new Run(slots).finding(ID, severity, (isHigh ? "high usage: total " : "low usage: total ")
                        + total.toPlainString() + against + (isHigh ? " (above " : " (below ") + limit.toPlainString() + ")",
                        total, limit));
            }
        }
        return findings;
    }

    /**
     * The days one check looks at, from the earliest like day to the last judged day, by index: each
     * one's day type for like days (worked out once, not once per judged day that looks back on it) and,
     * once asked for, its total when it is complete.
     */
    private static final class LikeDays {

        private final VeeContext context;
        private final LocalDate first;
        private final DayType[] types;
        private final BigDecimal[] totals;
        private final boolean[] summed;

        LikeDays(VeeContext context, LocalDate first, LocalDate last) {
            this.context = context;
            this.first = first;
            int n = (int) ChronoUnit.DAYS.between(first, last) + 1;
            types = new DayType[n];
            totals = new BigDecimal[n];
            summed = new boolean[n];
            LocalDate day = first;
            for (int i = 0; i < n; i++, day = day.plusDays(1)) {
                types[i] = DayType.of(day, context.holidays()).forLikeDays();
            }
        }

        /**
         * Totals of the complete days of the same type among the {@code historyDays} days before,
         * nearest first; each day's total is summed once per check.
         */
        List<BigDecimal> totalsBefore(LocalDate day, int historyDays) {
            int at = (int) ChronoUnit.DAYS.between(first, day);
            DayType type = types[at];
            List<BigDecimal> found = new ArrayList<>();
            for (int i = at - 1; i >= Math.max(0, at - historyDays); i--) {
                if (types[i] != type) {
                    continue;
                }
                if (!summed[i]) {
                    totals[i] = measuredTotal(context, first.plusDays(i));
                    summed[i] = true;
                }
                if (totals[i] != null) {
                    found.add(totals[i]);
                }
            }
            return found;
        }
    }

    /**
     * The day's total when the day is complete (every interval measured), else null: a judged day from
     * its slots, a day before them from the context's like-day totals.
     */
    private static BigDecimal measuredTotal(VeeContext context, LocalDate day) {
        List<Slot> judged = context.judged().day(day);
        if (judged.isEmpty()) {
            return context.likeDays().completeTotal(day);
        }
        return judged.stream().allMatch(Slot::isMeasured) ? IntervalSeries.total(judged) : null;
    }
}
