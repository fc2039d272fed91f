package org.openmdms.vee.control.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openmdms.vee.control.estimation.ChannelBuilder.at;
import static org.openmdms.vee.control.estimation.LinearInterpolationTest.values;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmdms.reading.entity.Quality;
import org.openmdms.vee.control.Estimate;
import org.openmdms.vee.control.Gap;
import org.openmdms.vee.control.RuleParameters;

/** A day of half-hours worth 1 each, with a gap from the interval ending 10:30 on 15 January 2013. */
class RegisterScalingTest {

    private final RegisterScaling scaling = new RegisterScaling();

    @ParameterizedTest(name = "{0} with reads {1} ⇒ {2}")
    @CsvSource({
        "1 1 1 1, 15T00:00=1000 16T00:00=1052, 2 2 2 2",
        "80 85 90 95, 15T10:00=0 15T12:00=700, 160 170 180 190",
        "1 1 1, 15T10:00=0 15T11:30=1, 0.333333 0.333333 0.333334",
        "1 1 1 1, 15T00:00=1000 15T10:00=1020 15T12:00=1028 16T00:00=1052, 2 2 2 2",
        "1 1 1 1, 15T09:59=1000 15T12:00=1008, ''",
        "1 1 1 1, 15T10:30=1000 15T12:00=1008, ''",
        "1 1 1 1, 15T00:00=1000, ''",
        "1 1 1 1, 15T00:00=1000 16T00:00=1040, ''",
        "1 1 1 1, 14T00:00=0 16T00:00=100, ''",
        "0 0 0 0, 15T10:00=0 15T12:00=8, ''",
    })
    void scalesTheGapSoThatTheIntervalsBetweenTheReadsMatchTheRegisterDelta(String estimated, String reads,
            String expected) {
        ChannelBuilder channel = ChannelBuilder.halfHours().days("2013-01-15", "2013-01-16", "1");
        for (String read : reads.split(" ")) {
            channel.register("2013-01-" + read.substring(0, read.indexOf('=')), read.substring(read.indexOf('=') + 1));
        }
        List<Estimate> estimates = new ArrayList<>();
        Instant end = at("2013-01-15T10:30");
        for (String value : estimated.split(" ")) {
            estimates.add(new Estimate(end, new BigDecimal(value), LinearInterpolation.ID, Quality.VALID));
            end = end.plusSeconds(1800);
        }
        Gap gap = new Gap(estimates.get(0).end(), estimates.get(estimates.size() - 1).end());

        List<Estimate> scaled = scaling.scale(channel.missing("2013-01-15T10:30", gap.lastEnd().toString())
                .judging("2013-01-15", "2013-01-16"), gap, estimates, RuleParameters.defaults(scaling.parameters()));

        if (expected.isEmpty()) {
            assertEquals(estimates, scaled);
        } else {
            assertEquals(Arrays.stream(expected.split(" ")).map(BigDecimal::new).toList(), values(scaled));
            assertEquals("linear-interpolation+register-scaling", scaled.get(0).method());
            assertEquals(gap.lastEnd(), scaled.get(scaled.size() - 1).end());
        }
    }
}
