package org.openmdms.reading.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LocalDaysTest {

    private static final ChannelClock LONDON_HALF_HOURS = new ChannelClock(ZoneId.of("Europe/London"), 30);
    private static final ChannelClock LA_QUARTER_HOURS = new ChannelClock(ZoneId.of("America/Los_Angeles"), 15);
    private static final Map<Long, ChannelClock> CLOCKS = Map.of(1L, LONDON_HALF_HOURS, 2L, LA_QUARTER_HOURS);

    /** Every end of both channels across both DST changes of 2013, channel by channel: as the clock says. */
    @Test
    void givesTheClocksDayForEveryEndAcrossTheDstDays() {
        List<long[]> reads = new ArrayList<>();
        addEnds(reads, 1, "2013-03-29T00:00:00Z", "2013-04-02T00:00:00Z", 30);
        addEnds(reads, 1, "2013-10-25T00:00:00Z", "2013-10-29T00:00:00Z", 30);
        addEnds(reads, 2, "2013-03-08T00:00:00Z", "2013-03-12T00:00:00Z", 15);
        addEnds(reads, 2, "2013-11-01T00:00:00Z", "2013-11-05T00:00:00Z", 15);
        assertSameAsTheClock(reads);
        assertEquals(LocalDate.of(2013, 10, 27), new LocalDays(CLOCKS).of(1, Instant.parse("2013-10-27T23:30:00Z")));
        assertEquals(LocalDate.of(2013, 10, 28), new LocalDays(CLOCKS).of(1, Instant.parse("2013-10-28T00:30:00Z")));
    }

    /** Out of order and channels interleaved (a file that is not sorted): still the clock's day. */
    @Test
    void givesTheClocksDayForReadsInAnyOrder() {
        List<long[]> reads = new ArrayList<>();
        addEnds(reads, 1, "2013-03-30T00:00:00Z", "2013-04-01T00:00:00Z", 30);
        addEnds(reads, 2, "2013-03-09T00:00:00Z", "2013-03-11T00:00:00Z", 15);
        addEnds(reads, 1, "2013-03-30T00:07:00Z", "2013-03-31T00:00:00Z", 30); // off the grid
        Collections.shuffle(reads, new Random(7));
        assertSameAsTheClock(reads);
    }

    @Test
    void refusesAChannelWithoutAClock() {
        assertThrows(IllegalArgumentException.class, () -> new LocalDays(CLOCKS).of(3, Instant.EPOCH));
    }

    private static void addEnds(List<long[]> reads, long channel, String from, String to, int minutes) {
        for (Instant end = Instant.parse(from); end.isBefore(Instant.parse(to)); end = end.plusSeconds(60L * minutes)) {
            reads.add(new long[] {channel, end.getEpochSecond()});
        }
    }

    private static void assertSameAsTheClock(List<long[]> reads) {
        LocalDays days = new LocalDays(CLOCKS);
        for (long[] read : reads) {
            Instant end = Instant.ofEpochSecond(read[1]);
            assertEquals(CLOCKS.get(read[0]).localDayOf(end), days.of(read[0], end), "channel " + read[0] + " at " + end);
        }
    }
}
