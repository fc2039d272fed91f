package org.openmdms.vee.control.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openmdms.vee.control.estimation.ChannelBuilder.at;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmdms.reading.entity.Quality;
import org.openmdms.vee.control.Estimate;
import org.openmdms.vee.control.Gap;
import org.openmdms.vee.control.RuleParameters;
import org.openmdms.vee.control.VeeContext;

class LinearInterpolationTest {

    /** The quality code of a linear estimate: method 1 in bits 8–10. */
    private static final int LINEAR = 1 << 8;

    private final LinearInterpolation method = new LinearInterpolation();

    @Test
    void theWorkedExample() {
        VeeContext context = ChannelBuilder.quarterHours().days("2013-01-15", "2013-01-16", "50")
                .actual("2013-01-15T00:15", "75").missing("2013-01-15T00:30", "2013-01-15T01:15")
                .actual("2013-01-15T01:30", "100").judging("2013-01-15", "2013-01-16");

        List<Estimate> estimates = estimate(context, "2013-01-15T00:30", "2013-01-15T01:15");

        assertEquals(List.of(
                new Estimate(at("2013-01-15T00:30"), new BigDecimal("80"), "linear-interpolation", LINEAR),
                new Estimate(at("2013-01-15T00:45"), new BigDecimal("85"), "linear-interpolation", LINEAR),
                new Estimate(at("2013-01-15T01:00"), new BigDecimal("90"), "linear-interpolation", LINEAR),
                new Estimate(at("2013-01-15T01:15"), new BigDecimal("95"), "linear-interpolation", LINEAR)),
                estimates);
    }

    /** The gap is the half-hours ending 10:30 … ; "outage" as an end point means a flagged zero there. */
    @ParameterizedTest(name = "{0} | {1} gap of {2} ⇒ {3}")
    @CsvSource({
        "75, 100, 4, 80 85 90 95",
        "0, 1, 2, 0.333333 0.666667",
        "1, 0, 3, 0.75 0.5 0.25",
        "0.123, 0.124, 1, 0.1235",
        "0.1, outage, 2, 0.1 0.1",
        "outage, 0.2, 3, 0.2 0.2 0.2",
        "outage, outage, 1, ''",
        "0.1, estimated, 2, 0.1 0.1",
        "estimated, estimated, 2, ''",
        "1, 2, 4, 1.2 1.4 1.6 1.8",
        "1, 2, 5, ''",
    })
    void fillsBetweenMeasuredEndPointsOrFlatFromTheOnlyOne(String before, String after, int missing, String expected) {
        ChannelBuilder channel = ChannelBuilder.halfHours().days("2013-01-15", "2013-01-16", "9");
        endPoint(channel, "2013-01-15T10:00", before);
        String lastEnd = at("2013-01-15T10:00").plusSeconds(1800L * missing).toString();
        channel.missing("2013-01-15T10:30", lastEnd);
        endPoint(channel, at(lastEnd).plusSeconds(1800).toString(), after);

        List<BigDecimal> values = estimate(channel.judging("2013-01-15", "2013-01-16"), "2013-01-15T10:30", lastEnd)
                .stream().map(Estimate::value).toList();

        assertEquals(expected.isEmpty() ? List.of() : Arrays.stream(expected.split(" ")).map(BigDecimal::new).toList(),
                values);
    }

    @Test
    void atTheStartAndEndOfTheDataTheGapIsFilledFlatFromTheOnlySide() {
        VeeContext context = ChannelBuilder.halfHours().days("2013-01-15", "2013-01-16", "0.4")
                .missing("2013-01-15T00:30", "2013-01-15T01:00").actual("2013-01-15T01:30", "0.6")
                .actual("2013-01-15T23:00", "0.8").missing("2013-01-15T23:30", "2013-01-16T00:00")
                .judging("2013-01-15", "2013-01-16");

        assertEquals(List.of(new BigDecimal("0.6"), new BigDecimal("0.6")),
                values(estimate(context, "2013-01-15T00:30", "2013-01-15T01:00")));
        assertEquals(List.of(new BigDecimal("0.8"), new BigDecimal("0.8")),
                values(estimate(context, "2013-01-15T23:30", "2013-01-16T00:00")));
    }

    @Test
    void aGapAtTheStartOfTheJudgedDaysTakesItsEndPointFromTheHistoryAcrossTheMonthBoundary() {
        VeeContext context = ChannelBuilder.halfHours().days("2013-01-31", "2013-02-02", "1")
                .actual("2013-01-31T23:30", "1.0").missing("2013-02-01T00:00", "2013-02-01T00:30")
                .actual("2013-02-01T01:00", "2.5").judging("2013-02-01", "2013-02-02");

        assertEquals(List.of(new BigDecimal("1.5"), new BigDecimal("2")),
                values(estimate(context, "2013-02-01T00:00", "2013-02-01T00:30")));
    }

    @Test
    void aGapLongerThanTheLimitIsLeftToTheNextMethodUnlessTheLimitIsRaised() {
        VeeContext context = ChannelBuilder.halfHours().days("2013-01-15", "2013-01-16", "1")
                .missing("2013-01-15T10:30", "2013-01-15T13:00").judging("2013-01-15", "2013-01-16");
        Gap gap = new Gap(at("2013-01-15T10:30"), at("2013-01-15T13:00"));

        assertEquals(List.of(), method.estimate(context, gap, RuleParameters.defaults(method.parameters())));
        assertEquals(6, method.estimate(context, gap,
                new RuleParameters(method.parameters(), Map.of("maxGapMinutes", "180"))).size());
    }

    private void endPoint(ChannelBuilder channel, String end, String value) {
        switch (value) {
            case "outage" -> channel.outage(end, "0");
            case "estimated" -> channel.estimated(end, "5");
            default -> channel.actual(end, value);
        }
    }

    private List<Estimate> estimate(VeeContext context, String firstEnd, String lastEnd) {
        return method.estimate(context, new Gap(at(firstEnd), at(lastEnd)), RuleParameters.defaults(method.parameters()));
    }

    static List<BigDecimal> values(List<Estimate> estimates) {
        return estimates.stream().map(Estimate::value).toList();
    }
}
