package org.openmdms.vee.control.estimation;

import org.openmdms.vee.control.DayType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmdms.vee.control.Estimate;
import org.openmdms.vee.control.EstimationMethod;
import org.openmdms.vee.control.Gap;
import org.openmdms.vee.control.ParameterSpec;
import org.openmdms.vee.control.ParameterType;
import org.openmdms.vee.control.RuleParameters;
import org.openmdms.vee.control.Slot;
import org.openmdms.vee.control.VeeContext;

/**
 * Fills a gap with the average of the same intervals on like days (DOMAIN.md §4): for each local day
 * the gap touches, the {@code days} nearest earlier days of the same day type (a holiday counts as a
 * Sunday) within the prior {@code weeksBack} weeks whose every interval is measured — days with a
 * missing, estimated or outage-flagged interval are skipped. Fewer like days than {@code days} are
 * averaged if at least one is found; with none for any day of the gap, the method does not apply and
 * gives no estimates at all.
 *
 * <p>Intervals are matched by their local start time, never by position, so DST days work: on the
 * autumn day both intervals starting at 01:00 (BST, then GMT) take the like days' 01:00 interval; the
 * spring day has no 01:00–02:00 to fill. A like day must have every start time the gap needs: a
 * spring day cannot serve a gap covering 01:00–02:00, and on an autumn like day a repeated start
 * time gives its first (summer-time) interval.
 */
public final class LikeDayEstimation extends EstimationStep implements EstimationMethod {

    public static final String ID = "like-day";
    public static final String DAYS = "days";
    public static final String WEEKS_BACK = "weeksBack";

    public LikeDayEstimation() {
        super(ID, "Long gaps: average of the same intervals on the nearest like days (holidays as Sundays)", List.of(
                new ParameterSpec(DAYS, ParameterType.INTEGER, "3", "How many like days to average"),
                new ParameterSpec(WEEKS_BACK, ParameterType.INTEGER, "3", "How many weeks back to look for like days")));
    }

    @Override
    public List<Estimate> estimate(VeeContext context, Gap gap, RuleParameters parameters) {
        ChannelIntervals intervals = new ChannelIntervals(context);
        Map<LocalDate, List<Instant>> endsByDay = new LinkedHashMap<>();
        for (Instant end : intervals.ends(gap)) {
            endsByDay.computeIfAbsent(intervals.dayOf(end), d -> new ArrayList<>()).add(end);
        }
        List<Estimate> estimates = new ArrayList<>();
        for (Map.Entry<LocalDate, List<Instant>> day : endsByDay.entrySet()) {
            List<LocalTime> times = day.getValue().stream().map(intervals::startTime).toList();
            List<Map<LocalTime, BigDecimal>> likeDays = likeDays(intervals, context, day.getKey(), times,
                    parameters.integer(DAYS), parameters.integer(WEEKS_BACK));
            if (likeDays.isEmpty()) {
                return List.of();
            }
            for (Instant end : day.getValue()) {
                estimates.add(EstimatedValues.of(end, average(likeDays, intervals.startTime(end)), ID));
            }
        }
        return estimates;
    }

    /** The nearest usable like days before the day, newest first, as values by local start time. */
    private static List<Map<LocalTime, BigDecimal>> likeDays(ChannelIntervals intervals, VeeContext context,
            LocalDate day, List<LocalTime> times, int wanted, int weeksBack) {
        List<Map<LocalTime, BigDecimal>> found = new ArrayList<>();
        for (int back = 1; back <= 7 * weeksBack && found.size() < wanted; back++) {
            LocalDate candidate = day.minusDays(back);
            if (DayType.alike(day, candidate, context.holidays())) {
                Map<LocalTime, BigDecimal> values = measuredDay(intervals, candidate);
                if (values != null && values.keySet().containsAll(times)) {
                    found.add(values);
                }
            }
        }
        return found;
    }

    /** The day's values by local start time if every one of its intervals is measured, else null. */
    private static Map<LocalTime, BigDecimal> measuredDay(ChannelIntervals intervals, LocalDate day) {
        List<Slot> slots = intervals.day(day);
        if (slots.size() != intervals.expectedCount(day) || !slots.stream().allMatch(Slot::isMeasured)) {
            return null;
        }
        Map<LocalTime, BigDecimal> values = new HashMap<>();
        for (Slot slot : slots) {
            values.putIfAbsent(intervals.startTime(slot.end()), slot.value());
        }
        return values;
    }

    private static BigDecimal average(List<Map<LocalTime, BigDecimal>> likeDays, LocalTime time) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map<LocalTime, BigDecimal> likeDay : likeDays) {
            sum = sum.add(likeDay.get(time));
        }
        return EstimatedValues.divide(sum, BigDecimal.valueOf(likeDays.size()));
    }
}
