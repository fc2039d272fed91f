package org.openmdms.reading.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmdms.reading.entity.ReadSource;

class ReadsAtHandTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Map<Long, ChannelClock> CLOCKS = Map.of(1L, new ChannelClock(LONDON, 30),
            2L, new ChannelClock(LONDON, 30));
    private static final LocalDate AUTUMN = LocalDate.of(2013, 10, 27);
    private static final LocalDate NEXT = AUTUMN.plusDays(1);
    private static final Instant WRITTEN = Instant.parse("2026-11-29T01:00:00.123456Z");

    /** London's 25-hour day and the next, shuffled as a file may hold them: handed out whole, in order, as stored. */
    @Test
    void handsOutTheDaysAsTheTableStoresThem() {
        List<IntervalRow> rows = new ArrayList<>(day(1, AUTUMN));
        rows.addAll(day(1, NEXT));
        Collections.shuffle(rows, new java.util.Random(7));
        ReadsAtHand atHand = new ReadsAtHand(1_000);
        atHand.keep(DayRuns.of(rows, CLOCKS), WRITTEN);
        assertEquals(50 + 48, atHand.held());

        List<IntervalRow> handed = new ArrayList<>();
        assertTrue(atHand.take(1, List.of(written(AUTUMN, 50), written(NEXT, 48)), collect(handed)));
        assertEquals(98, handed.size());
        assertEquals(AUTUMN.atStartOfDay(LONDON).toInstant().plusSeconds(1800), handed.get(0).intervalEnd());
        assertEquals(NEXT.plusDays(1).atStartOfDay(LONDON).toInstant(), handed.get(97).intervalEnd());
        for (int i = 1; i < handed.size(); i++) {
            assertEquals(handed.get(i - 1).intervalEnd().plusSeconds(1800), handed.get(i).intervalEnd());
        }
        // NUMERIC(18,6): 0.125 is stored, and read back, as 0.125000; 1.2345675 rounds half up.
        IntervalRow first = handed.get(0);
        assertEquals(new BigDecimal("0.125000"), first.value());
        assertEquals(new BigDecimal("1.234568"), handed.get(1).value());
        assertEquals(2, first.quality());
        assertEquals(ReadSource.ACTUAL, first.source());
        assertEquals(ReadSource.ESTIMATED, handed.get(2).source());
        assertEquals(0, atHand.held(), "taken days are forgotten");
        assertFalse(atHand.take(1, List.of(written(AUTUMN, 50)), collect(handed)));
    }

    /** Written again since (another time on the totals), or holding reads not kept (another count): not handed out. */
    @Test
    void handsOutNothingThatIsNoLongerWhatIsStored() {
        ReadsAtHand atHand = new ReadsAtHand(1_000);
        atHand.keep(DayRuns.of(day(1, AUTUMN), CLOCKS), WRITTEN);
        atHand.keep(DayRuns.of(day(2, AUTUMN), CLOCKS), WRITTEN);
        List<IntervalRow> handed = new ArrayList<>();
        assertFalse(atHand.take(1, List.of(new ReadsAtHand.Written(AUTUMN, WRITTEN.plusNanos(1000), 50)), collect(handed)));
        assertFalse(atHand.take(2, List.of(written(AUTUMN, 51)), collect(handed)));
        assertTrue(handed.isEmpty());
        assertEquals(0, atHand.held(), "a stale day is forgotten");
    }

    /** One day of several not kept: nothing is handed out, and the kept days stay for nobody (the caller loads all). */
    @Test
    void handsOutAllTheDaysOrNone() {
        ReadsAtHand atHand = new ReadsAtHand(1_000);
        atHand.keep(DayRuns.of(day(1, AUTUMN), CLOCKS), WRITTEN);
        List<IntervalRow> handed = new ArrayList<>();
        assertFalse(atHand.take(1, List.of(written(AUTUMN, 50), written(NEXT, 48)), collect(handed)));
        assertTrue(handed.isEmpty());
        assertTrue(atHand.take(1, List.of(written(AUTUMN, 50)), collect(handed)));
        assertEquals(50, handed.size());
    }

    /** Over capacity, the days kept longest go first. */
    @Test
    void forgetsTheOldestDaysBeyondItsCapacity() {
        ReadsAtHand atHand = new ReadsAtHand(120);
        atHand.keep(DayRuns.of(day(1, AUTUMN), CLOCKS), WRITTEN);
        atHand.keep(DayRuns.of(day(1, NEXT), CLOCKS), WRITTEN);
        atHand.keep(DayRuns.of(day(2, NEXT), CLOCKS), WRITTEN);
        assertEquals(96, atHand.held());
        List<IntervalRow> handed = new ArrayList<>();
        assertFalse(atHand.take(1, List.of(written(AUTUMN, 50)), collect(handed)));
        assertTrue(atHand.take(1, List.of(written(NEXT, 48)), collect(handed)));
        assertTrue(atHand.take(2, List.of(written(NEXT, 48)), collect(handed)));
    }

    /** A value the table could not hold as it is (more than 18 digits): that day is not kept. */
    @Test
    void keepsNoDayItCannotHoldExactly() {
        List<IntervalRow> rows = new ArrayList<>(day(1, NEXT));
        rows.set(5, new IntervalRow(1, rows.get(5).intervalEnd(), new BigDecimal("12345678901234.5"), 0, ReadSource.ACTUAL));
        ReadsAtHand atHand = new ReadsAtHand(1_000);
        atHand.keep(DayRuns.of(rows, CLOCKS), WRITTEN);
        assertEquals(0, atHand.held());
    }

    private static ReadsAtHand.Written written(LocalDate day, int count) {
        return new ReadsAtHand.Written(day, WRITTEN, count);
    }

    private static IntervalStore.ReadSink collect(List<IntervalRow> into) {
        return (channel, end, value, quality, source) -> into.add(new IntervalRow(channel, end, value, quality, source));
    }

    /** A local day of half-hours: the first 0.125 (quality 2), the second 1.2345675, the third estimated. */
    private static List<IntervalRow> day(long channel, LocalDate day) {
        List<IntervalRow> rows = new ArrayList<>();
        Instant end = day.atStartOfDay(LONDON).toInstant().plusSeconds(1800);
        Instant last = day.plusDays(1).atStartOfDay(LONDON).toInstant();
        for (int i = 0; !end.isAfter(last); i++, end = end.plusSeconds(1800)) {
            BigDecimal value = i == 0 ? new BigDecimal("0.125") : i == 1 ? new BigDecimal("1.2345675") : BigDecimal.valueOf(i, 2);
            rows.add(new IntervalRow(channel, end, value, i == 0 ? 2 : 0, i == 2 ? ReadSource.ESTIMATED : ReadSource.ACTUAL));
        }
        return rows;
    }
}
