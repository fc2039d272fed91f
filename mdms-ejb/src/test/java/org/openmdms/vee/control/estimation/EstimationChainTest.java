package org.openmdms.vee.control.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openmdms.vee.control.estimation.ChannelBuilder.at;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmdms.vee.control.Estimate;
import org.openmdms.vee.control.Gap;
import org.openmdms.vee.control.RuleParameters;
import org.openmdms.vee.control.VeeContext;

class EstimationChainTest {

    private final EstimationChain chain = new EstimationChain();

    /**
     * A week judged from Tuesday 15 January 2013: a short gap, an outage, a long gap, a long gap
     * bounded by register reads, and on Saturday a long gap without like days in the history.
     */
    private static ChannelBuilder week() {
        return ChannelBuilder.halfHours().days("2012-12-18", "2013-01-22", EstimationChainTest::profile)
                .missing("2013-01-15T10:30", "2013-01-15T11:00")
                .outage("2013-01-15T14:00", "0").outage("2013-01-15T14:30", "0")
                .missing("2013-01-16T10:30", "2013-01-16T16:00")
                .missing("2013-01-17T10:30", "2013-01-17T16:00")
                .register("2013-01-17T00:00", "5000").register("2013-01-18T00:00", "5100")
                .missing("2013-01-12T00:30", "2013-01-12T00:30").missing("2013-01-05T00:30", "2013-01-05T00:30")
                .missing("2012-12-29T00:30", "2012-12-29T00:30").missing("2012-12-22T00:30", "2012-12-22T00:30")
                .missing("2013-01-19T10:30", "2013-01-19T16:00");
    }

    private static String profile(LocalDate day, LocalTime start) {
        return start.getHour() < 7 ? "0.2" : "0.5";
    }

    @Test
    void eachGapTakesTheFirstMethodThatAppliesThenRegisterScaling() {
        List<Estimate> estimates = chain.estimate(week().judging("2013-01-15", "2013-01-22"));

        assertEquals(2 + 12 + 12, estimates.size());
        assertEquals(estimates.stream().sorted(Comparator.comparing(Estimate::end)).toList(), estimates);
        assertEquals(List.of("linear-interpolation", "like-day", "like-day+register-scaling"),
                estimates.stream().map(Estimate::method).distinct().toList());
        assertEquals(new BigDecimal("0.5"), estimates.get(0).value());
        assertEquals(new BigDecimal("0.5"), estimates.get(2).value());
        // 17 Jan: 14 intervals of 0.2 and 22 of 0.5 measured = 13.8, so the gap's twelve share 100 - 13.8
        BigDecimal gapSum = estimates.subList(14, 26).stream().map(Estimate::value).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        assertEquals(new BigDecimal("86.2"), gapSum.stripTrailingZeros());
        assertTrue(estimates.stream().noneMatch(e -> e.end().equals(at("2013-01-15T14:00"))));
    }

    @Test
    void theChainIsDeterministicAndIdempotent() {
        ChannelBuilder channel = week();
        VeeContext context = channel.judging("2013-01-15", "2013-01-22");

        List<Estimate> first = chain.estimate(context);

        assertEquals(first, new EstimationChain().estimate(context));
        assertEquals(first, chain.estimate(channel.judging("2013-01-15", "2013-01-22")));
        assertEquals(List.of(), chain.estimate(channel.store(first).judging("2013-01-15", "2013-01-22")));
    }

    @Test
    void parametersAreGivenPerMethod() {
        VeeContext context = week().judging("2013-01-15", "2013-01-16");

        List<Estimate> estimates = chain.estimate(context, Map.of(LinearInterpolation.ID,
                new RuleParameters(new LinearInterpolation().parameters(), Map.of("maxGapMinutes", "0"))));

        assertEquals(List.of("like-day"), estimates.stream().map(Estimate::method).distinct().toList());
    }

    @Test
    void runsOfMissingIntervalsAreGapsOutagesAndEstimatesAreNot() {
        VeeContext context = ChannelBuilder.halfHours().days("2013-01-15", "2013-01-16", "1")
                .missing("2013-01-15T10:30", "2013-01-15T11:00").outage("2013-01-15T11:30", "0")
                .missing("2013-01-15T12:00", "2013-01-15T12:00").estimated("2013-01-15T12:30", "1")
                .missing("2013-01-15T23:30", "2013-01-16T00:00").judging("2013-01-15", "2013-01-16");

        assertEquals(List.of(gap("2013-01-15T10:30", "2013-01-15T11:00"), gap("2013-01-15T12:00", "2013-01-15T12:00"),
                gap("2013-01-15T23:30", "2013-01-16T00:00")), EstimationChain.gaps(context.judged()));
    }

    @Test
    void missingDstDaysAreEstimatedWith46And50HalfHours() {
        ChannelBuilder channel = ChannelBuilder.halfHours().days("2013-03-01", "2013-11-01", "0.3")
                .missing("2013-03-31T00:30", "2013-04-01T00:00").missing("2013-10-26T23:30:00Z", "2013-10-28T00:00");

        List<Estimate> spring = chain.estimate(channel.judging("2013-03-31", "2013-04-01"));
        List<Estimate> autumn = chain.estimate(channel.judging("2013-10-27", "2013-10-28"));

        assertEquals(46, spring.size());
        assertEquals(50, autumn.size());
        assertTrue(autumn.stream().allMatch(e -> e.method().equals("like-day")
                && e.value().equals(new BigDecimal("0.3"))));
    }

    @Test
    void aLongGapAcrossAMonthBoundaryIsEstimatedFromEachDaysLikeDays() {
        VeeContext context = ChannelBuilder.halfHours().days("2013-01-01", "2013-02-03", EstimationChainTest::profile)
                .missing("2013-01-31T22:30", "2013-02-01T03:00").judging("2013-01-31", "2013-02-02");

        List<Estimate> estimates = chain.estimate(context);

        assertEquals(10, estimates.size());
        assertEquals(at("2013-01-31T22:30"), estimates.get(0).end());
        assertEquals(at("2013-02-01T03:00"), estimates.get(9).end());
        assertEquals(List.of("like-day"), estimates.stream().map(Estimate::method).distinct().toList());
        assertEquals(List.of(new BigDecimal("0.5"), new BigDecimal("0.2")),
                List.of(estimates.get(0).value(), estimates.get(9).value()));
    }

    private static Gap gap(String firstEnd, String lastEnd) {
        return new Gap(at(firstEnd), at(lastEnd));
    }
}
