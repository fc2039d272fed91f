package org.openmdms.reading.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmdms.reading.entity.ReadSource;

class DayRunsTest {

    private static final Map<Long, ChannelClock> CLOCKS = Map.of(1L, new ChannelClock(ZoneId.of("Europe/London"), 30),
            2L, new ChannelClock(ZoneId.of("America/Los_Angeles"), 15));

    /** What a write touches: each channel's days, channels as they first come, days in order, each once. */
    @Test
    void givesTheDaysEachChannelTouches() {
        List<IntervalRow> rows = new ArrayList<>();
        for (String end : List.of("2013-10-27T23:30:00Z", "2013-10-26T23:30:00Z", "2013-10-27T00:00:00Z",
                "2013-10-28T00:00:00Z")) {
            rows.add(row(2, end, "1"));
            rows.add(row(1, end, "1"));
        }
        var touched = DayRuns.of(rows, CLOCKS).byChannel();
        assertEquals(List.of(2L, 1L), List.copyOf(touched.keySet()));
        // London's 25-hour 27 October holds all four ends (the first begins at 00:00 BST = 23:00 UTC the
        // day before, the last at 23:30 GMT); Los Angeles, 7 h behind, has two on each day.
        assertEquals(List.of(LocalDate.of(2013, 10, 27)), List.copyOf(touched.get(1L)));
        assertEquals(List.of(LocalDate.of(2013, 10, 26), LocalDate.of(2013, 10, 27)), List.copyOf(touched.get(2L)));
    }

    /** An import's rows, channel by channel in time order: one run per channel day, distinct as they are. */
    @Test
    void splitsRowsInTimeOrderIntoOneRunPerChannelDay() {
        List<IntervalRow> rows = new ArrayList<>();
        // London's last half-hour of 26 October (BST) ends at 23:00 UTC; the next one is 27 October's.
        rows.add(row(1, "2013-10-26T22:30:00Z", "1"));
        rows.add(row(1, "2013-10-26T23:00:00Z", "2"));
        rows.add(row(1, "2013-10-26T23:30:00Z", "3"));
        rows.add(row(2, "2013-10-26T23:30:00Z", "4"));
        DayRuns runs = DayRuns.of(rows, CLOCKS);
        assertEquals(List.of(new DayRuns.Run(1, LocalDate.of(2013, 10, 26), 0, 2),
                new DayRuns.Run(1, LocalDate.of(2013, 10, 27), 2, 3), new DayRuns.Run(2, LocalDate.of(2013, 10, 26), 3, 4)),
                runs.runs());
        assertEquals(rows.subList(0, 2), runs.rowsOf(runs.runs().get(0)));
        assertTrue(runs.distinct());
        assertSame(runs, runs.latest());
        assertEquals(Instant.parse("2013-10-26T22:30:00Z"), runs.firstEnd());
        assertEquals(Instant.parse("2013-10-26T23:30:00Z"), runs.lastEnd());
    }

    /** The same interval twice, next to each other or a day apart: the last one counts, in the first one's place. */
    @Test
    void keepsTheLastOfRowsForTheSameInterval() {
        List<IntervalRow> rows = new ArrayList<>();
        rows.add(row(1, "2013-01-17T00:30:00Z", "1"));
        rows.add(row(1, "2013-01-17T00:30:00Z", "2"));
        rows.add(row(1, "2013-01-17T01:00:00Z", "3"));
        DayRuns adjacent = DayRuns.of(rows, CLOCKS);
        assertFalse(adjacent.distinct());
        assertEquals(List.of(row(1, "2013-01-17T00:30:00Z", "2"), row(1, "2013-01-17T01:00:00Z", "3")),
                adjacent.latest().rows());
        assertTrue(adjacent.latest().distinct());

        rows.add(row(1, "2013-01-18T00:30:00Z", "4"));
        rows.add(row(1, "2013-01-17T01:00:00Z", "5")); // the 17th again, after the 18th
        DayRuns apart = DayRuns.of(rows, CLOCKS);
        assertFalse(apart.distinct());
        assertEquals(List.of(row(1, "2013-01-17T00:30:00Z", "2"), row(1, "2013-01-17T01:00:00Z", "5"),
                row(1, "2013-01-18T00:30:00Z", "4")), apart.latest().rows());
    }

    /** Distinct rows out of order within a day are not taken for distinct without looking: latest() finds them so. */
    @Test
    void takesRowsOutOfOrderForDistinctOnlyOnceLookedAt() {
        List<IntervalRow> rows = List.of(row(1, "2013-01-17T01:00:00Z", "1"), row(1, "2013-01-17T00:30:00Z", "2"));
        DayRuns runs = DayRuns.of(rows, CLOCKS);
        assertFalse(runs.distinct());
        assertEquals(rows, runs.latest().rows());
        assertEquals(1, runs.latest().runs().size());
    }

    @Test
    void hasNothingForNoRows() {
        DayRuns none = DayRuns.of(List.of(), CLOCKS);
        assertTrue(none.isEmpty());
        assertTrue(none.runs().isEmpty());
        assertTrue(none.byChannel().isEmpty());
    }

    private static IntervalRow row(long channel, String end, String value) {
        return new IntervalRow(channel, Instant.parse(end), new BigDecimal(value), 0, ReadSource.ACTUAL);
    }
}
