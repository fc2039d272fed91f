package org.openmdms.vee.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;

class IntervalSeriesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void everyExpectedIntervalHasASlotAndDstDaysHave46And50HalfHours() {
        IntervalSeries series = IntervalSeries.of(LONDON, 30, LocalDate.of(2013, 3, 30), LocalDate.of(2013, 4, 1),
                Map.of());

        assertEquals(48 + 46, series.slots().size());
        assertEquals(46, series.day(LocalDate.of(2013, 3, 31)).size());
        assertEquals(46, series.expectedCount(LocalDate.of(2013, 3, 31)));
        assertEquals(50, IntervalSeries.expectedCount(LONDON, 30, LocalDate.of(2013, 10, 27)));
        assertEquals(100, IntervalSeries.expectedCount(LONDON, 15, LocalDate.of(2013, 10, 27)));
        assertTrue(series.slots().stream().allMatch(Slot::isMissing));
    }

    @Test
    void anEmptySeriesHasTheSameMissingSlotsAsOneOfNothingStoredOverBothDstChanges() {
        for (int minutes : new int[] {15, 30, 60}) {
            LocalDate from = LocalDate.of(2013, 3, 3);
            LocalDate to = LocalDate.of(2013, 11, 2);
            IntervalSeries empty = IntervalSeries.empty(LONDON, minutes, from, to);
            IntervalSeries ofNothing = IntervalSeries.of(LONDON, minutes, from, to, Map.of());

            assertEquals(ofNothing, empty);
            assertEquals(ofNothing.slots().size(), empty.slots().size());
            assertEquals(ofNothing.day(LocalDate.of(2013, 10, 27)), empty.day(LocalDate.of(2013, 10, 27)));
            Instant end = ofNothing.slots().get(1000).end();
            assertEquals(Slot.missing(end), empty.at(end));
        }
    }

    @Test
    void anIntervalBelongsToTheDayInWhichItStarts() {
        Instant midnight = Instant.parse("2013-01-16T00:00:00Z");
        IntervalSeries series = IntervalSeries.of(LONDON, 30, LocalDate.of(2013, 1, 15), LocalDate.of(2013, 1, 17),
                Map.of(midnight, new Slot(midnight, new BigDecimal("0.4"), Quality.VALID, ReadSource.ACTUAL)));

        assertEquals(LocalDate.of(2013, 1, 15), series.dayOf(midnight));
        assertEquals(midnight, series.day(LocalDate.of(2013, 1, 15)).get(47).end());
        assertEquals(new BigDecimal("0.4"), series.at(midnight).value());
        assertEquals(new BigDecimal("0.4"), IntervalSeries.total(series.day(LocalDate.of(2013, 1, 15))));
        assertNull(series.at(Instant.parse("2013-01-20T00:00:00Z")));
    }
}
