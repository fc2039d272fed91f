package org.openmdms.vee.control.estimation;

import org.openmdms.vee.control.DayType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openmdms.vee.control.estimation.ChannelBuilder.at;
import static org.openmdms.vee.control.estimation.LinearInterpolationTest.values;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmdms.vee.control.Estimate;
import org.openmdms.vee.control.Gap;
import org.openmdms.vee.control.RuleParameters;
import org.openmdms.vee.control.VeeContext;

/**
 * Every history interval is worth day-of-month × 100 + half-hour of the local start time (00:00 is 0,
 * 23:30 is 47), so an estimate tells which like days were averaged and which interval of them.
 */
class LikeDayEstimationTest {

    private final LikeDayEstimation method = new LikeDayEstimation();

    @ParameterizedTest(name = "{0} {1} weeksBack={2} ⇒ like days {3}")
    @CsvSource({
        "2013-01-16, '', 3, 15 14 11",
        "2013-01-16, incomplete:2013-01-15, 3, 14 11 10",
        "2013-01-16, estimated:2013-01-14, 3, 15 11 10",
        "2013-01-16, outage:2013-01-11, 3, 15 14 10",
        "2013-01-19, '', 3, 12 5 29",
        "2013-01-20, '', 3, 13 6 1",
        "2013-01-02, '', 3, 31 28 27",
        "2013-04-02, '', 3, 28 27 26",
        "2013-04-01, '', 3, 31 29 24",
        "2013-04-07, '', 3, 1 31 29",
        "2013-01-19, '', 1, 12",
        "2013-01-19, '', 2, 12 5",
        "2013-01-19, incomplete:2013-01-12, 1, ''",
    })
    void averagesTheNearestCompleteMeasuredDaysOfTheSameDayType(LocalDate day, String spoilt, int weeksBack,
            String likeDays) {
        ChannelBuilder channel = ChannelBuilder.halfHours().days("2012-12-01", "2013-05-01", LikeDayEstimationTest::profile);
        for (String spoil : spoilt.isEmpty() ? new String[0] : spoilt.split(" ")) {
            String noon = spoil.substring(spoil.indexOf(':') + 1) + "T12:00";
            switch (spoil.substring(0, spoil.indexOf(':'))) {
                case "incomplete" -> channel.missing(noon, noon);
                case "estimated" -> channel.estimated(noon, "1");
                default -> channel.outage(noon, "0");
            }
        }
        channel.missing(day + "T10:30", day + "T16:00");
        VeeContext context = channel.judging(day.toString(), day.plusDays(1).toString());

        List<Estimate> estimates = method.estimate(context, new Gap(at(day + "T10:30"), at(day + "T16:00")),
                new RuleParameters(method.parameters(), Map.of("weeksBack", String.valueOf(weeksBack))));

        if (likeDays.isEmpty()) {
            assertEquals(List.of(), estimates);
        } else {
            assertEquals(12, estimates.size());
            assertEquals(average(likeDays, 20), estimates.get(0).value());
            assertEquals(average(likeDays, 31), estimates.get(11).value());
            assertEquals("like-day", estimates.get(0).method());
        }
    }

    @Test
    void onTheAutumnDayBothIntervalsStartingAtOneTakeTheLikeDaysOneOClockInterval() {
        VeeContext context = ChannelBuilder.halfHours().days("2013-09-01", "2013-10-28", LikeDayEstimationTest::profile)
                .missing("2013-10-26T23:30:00Z", "2013-10-27T03:00:00Z").judging("2013-10-27", "2013-10-28");

        List<Estimate> estimates = method.estimate(context,
                new Gap(at("2013-10-26T23:30:00Z"), at("2013-10-27T03:00:00Z")), defaults());

        assertEquals(Arrays.stream("1300 1301 1302 1303 1302 1303 1304 1305".split(" ")).map(BigDecimal::new).toList(),
                values(estimates));
    }

    @Test
    void onTheSpringDayTheIntervalsAfterTheMissingHourTakeTheirLocalTimesAndGoodFridayIsALikeDay() {
        VeeContext context = ChannelBuilder.halfHours().days("2013-02-01", "2013-04-01", LikeDayEstimationTest::profile)
                .missing("2013-03-31T00:30:00Z", "2013-03-31T03:00:00Z").judging("2013-03-31", "2013-04-01");

        List<Estimate> estimates = method.estimate(context,
                new Gap(at("2013-03-31T00:30:00Z"), at("2013-03-31T03:00:00Z")), defaults());

        assertEquals(List.of(average("29 24 17", 0), average("29 24 17", 1), average("29 24 17", 4),
                average("29 24 17", 5), average("29 24 17", 6), average("29 24 17", 7)), values(estimates));
    }

    @Test
    void theSpringDayCannotServeAGapCoveringItsMissingHour() {
        VeeContext context = ChannelBuilder.halfHours().days("2013-03-01", "2013-04-08", LikeDayEstimationTest::profile)
                .missing("2013-04-07T00:30", "2013-04-07T03:00").judging("2013-04-07", "2013-04-08");

        List<Estimate> estimates = method.estimate(context, new Gap(at("2013-04-07T00:30"), at("2013-04-07T03:00")),
                defaults());

        assertEquals(average("1 29 24", 2), estimates.get(2).value());
    }

    @Test
    void anAutumnLikeDayGivesTheFirstOfItsRepeatedIntervals() {
        VeeContext context = ChannelBuilder.halfHours().days("2013-10-01", "2013-11-04", "1")
                .actual("2013-10-27T00:30:00Z", "7").actual("2013-10-27T01:30:00Z", "9")
                .missing("2013-11-03T01:30", "2013-11-03T01:30").judging("2013-11-03", "2013-11-04");

        List<Estimate> estimates = method.estimate(context, new Gap(at("2013-11-03T01:30"), at("2013-11-03T01:30")),
                new RuleParameters(method.parameters(), Map.of("days", "1")));

        assertEquals(List.of(new BigDecimal("7")), values(estimates));
    }

    @Test
    void aGapAcrossMidnightTakesEachDaysOwnLikeDays() {
        VeeContext context = ChannelBuilder.halfHours().days("2012-12-01", "2013-01-20", LikeDayEstimationTest::profile)
                .missing("2013-01-18T22:30", "2013-01-19T02:00").judging("2013-01-18", "2013-01-20");

        List<Estimate> estimates = method.estimate(context, new Gap(at("2013-01-18T22:30"), at("2013-01-19T02:00")),
                defaults());

        assertEquals(8, estimates.size());
        assertEquals(average("17 16 15", 44), estimates.get(0).value());
        assertEquals(average("12 5 29", 3), estimates.get(7).value());
    }

    private RuleParameters defaults() {
        return RuleParameters.defaults(method.parameters());
    }

    private static String profile(LocalDate day, LocalTime start) {
        return String.valueOf(day.getDayOfMonth() * 100 + (start.getHour() * 60 + start.getMinute()) / 30);
    }

    /** The average of the profile over the given days of the month at a half-hour, to six decimals, no trailing zeros. */
    private static BigDecimal average(String daysOfMonth, int halfHour) {
        List<Integer> days = Arrays.stream(daysOfMonth.split(" ")).map(Integer::valueOf).toList();
        BigDecimal sum = BigDecimal.valueOf(days.stream().mapToInt(d -> d * 100 + halfHour).sum());
        BigDecimal average = sum.divide(BigDecimal.valueOf(days.size()), 6, RoundingMode.HALF_UP).stripTrailingZeros();
        return average.scale() < 0 ? average.setScale(0) : average;
    }
}
