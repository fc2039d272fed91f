package org.openmdms.vee.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;

/** The loaded reads on the channel's grid give the same series as a map of them. */
class StoredSlotsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant FIRST = Instant.parse("2013-03-30T00:30:00Z");

    private static Slot read(Instant end, String value) {
        return new Slot(end, new BigDecimal(value), Quality.VALID, ReadSource.ACTUAL);
    }

    @Test
    void readsOnAndOffTheGridAreKeptAndFoundByTheirEnd() {
        StoredSlots stored = new StoredSlots(FIRST, FIRST.plusSeconds(4 * 1800), 30);
        Slot onGrid = read(FIRST.plusSeconds(1800), "1");
        Slot offGrid = read(FIRST.plusSeconds(900), "2");
        Slot before = read(FIRST.minusSeconds(1800), "3");
        Slot after = read(FIRST.plusSeconds(4 * 1800), "4");
        Slot fraction = read(FIRST.plusSeconds(1800).plusNanos(1), "5");
        for (Slot slot : new Slot[] {onGrid, offGrid, before, after, fraction}) {
            stored.put(slot);
        }
        stored.put(read(FIRST.plusSeconds(1800), "6"));

        assertEquals(new BigDecimal("6"), stored.at(FIRST.plusSeconds(1800)).value());
        assertEquals(offGrid, stored.at(offGrid.end()));
        assertEquals(before, stored.at(before.end()));
        assertEquals(after, stored.at(after.end()));
        assertEquals(fraction, stored.at(fraction.end()));
        assertNull(stored.at(FIRST));
        assertEquals(5, stored.countIn(FIRST.minusSeconds(1800), FIRST.plusSeconds(5 * 1800)));
        assertEquals(3, stored.countIn(FIRST, FIRST.plusSeconds(4 * 1800)));
        assertEquals(2, stored.countIn(FIRST.plusSeconds(1), FIRST.plusSeconds(1800).plusNanos(1)));
    }

    @Test
    void theSeriesIsTheSameAsFromAMapOverTheDstDay() {
        LocalDate from = LocalDate.of(2013, 3, 30);
        LocalDate to = LocalDate.of(2013, 4, 1);
        Instant first = from.atStartOfDay(LONDON).toInstant().plusSeconds(900);
        StoredSlots stored = new StoredSlots(first, to.atStartOfDay(LONDON).toInstant().plusSeconds(900), 15);
        Map<Instant, Slot> map = new HashMap<>();
        for (int i = 0; i < 200; i += 3) {
            Slot slot = read(first.plusSeconds(900L * i), i + ".5");
            stored.put(slot);
            map.put(slot.end(), slot);
        }

        assertEquals(IntervalSeries.of(LONDON, 15, from, to, map), IntervalSeries.of(LONDON, 15, from, to, stored));
    }

    @Test
    void replaceAllChangesEveryStoredRead() {
        StoredSlots stored = new StoredSlots(FIRST, FIRST.plusSeconds(4 * 1800), 30);
        stored.put(read(FIRST, "1"));
        stored.put(read(FIRST.plusSeconds(60), "2"));

        stored.replaceAll(Slot::asOutage);

        assertEquals(true, stored.at(FIRST).isOutage());
        assertEquals(true, stored.at(FIRST.plusSeconds(60)).isOutage());
        assertEquals(2, stored.countIn(FIRST, FIRST.plusSeconds(1800)));
    }

    @Test
    void widenedSlotsKeepTheReadsAndTakeHistoryBeforeThem() {
        StoredSlots judged = new StoredSlots(FIRST, FIRST.plusSeconds(4 * 1800), 30);
        Slot onGrid = read(FIRST.plusSeconds(1800), "1");
        Slot offGrid = read(FIRST.plusSeconds(900), "2");
        judged.put(onGrid);
        judged.put(offGrid);

        StoredSlots wider = judged.widenedTo(FIRST.minusSeconds(48 * 1800));
        Slot history = read(FIRST.minusSeconds(47 * 1800), "3");
        wider.put(history);

        assertEquals(onGrid, wider.at(onGrid.end()));
        assertEquals(offGrid, wider.at(offGrid.end()));
        assertEquals(history, wider.at(history.end()));
        assertEquals(history, wider.atSecond(history.end().getEpochSecond()));
        assertEquals(3, wider.countIn(FIRST.minusSeconds(48 * 1800), FIRST.plusSeconds(4 * 1800)));
        assertNull(judged.at(history.end()));
    }
}
