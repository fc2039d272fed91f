package org.openmdms.web.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmdms.outage.store.OutageRows;

class BoardRowTest {

    private static final Instant T = Instant.parse("2026-11-28T18:00:00Z");

    private static OutageRows.Outage outage(long id, String transformer, Long parent, int affected, int out) {
        return new OutageRows.Outage(id, transformer == null ? "FEEDER" : "TRANSFORMER", "F1", transformer,
                out == 0 ? "RESTORED" : "OPEN", T, T.plusSeconds(60), out == 0 ? T.plusSeconds(3600) : null, T, 100,
                affected, out, parent, null, 1);
    }

    @Test
    void transformerOutagesFollowTheirFeederOutageByName() {
        List<BoardRow> rows = BoardRow.nest(List.of(outage(9, "T9", null, 2, 2), outage(7, null, null, 40, 30),
                outage(8, "T2", 7L, 10, 10), outage(6, "T1", 7L, 20, 20), outage(5, "T5", 99L, 3, 1)), f -> "Europe/London");
        assertEquals(List.of(9L, 7L, 6L, 8L, 5L), rows.stream().map(r -> r.outage().id()).toList());
        assertEquals(List.of(false, false, true, true, false), rows.stream().map(BoardRow::child).toList());
        assertEquals("Europe/London", rows.get(2).zone());
        assertEquals("Transformer T1 on F1", rows.get(2).getWhere());
        assertEquals("Feeder F1", rows.get(1).getWhere());
        assertEquals("Open", rows.get(1).getStateWords());
        assertEquals("Partially restored", BoardRow.words("PARTIALLY_RESTORED"));
    }

    @Test
    void progressIsTheRestoredShareOfTheAffected() {
        assertEquals(25, BoardRow.percent(40, 30));
        assertEquals(0, BoardRow.percent(3, 3));
        assertEquals(100, BoardRow.percent(3, 0));
        assertEquals(100, BoardRow.percent(0, 0));
        assertEquals(66, BoardRow.percent(3, 1));
    }

    @Test
    void durationsReadLikeAPerson() {
        assertEquals("45 s", BoardRow.duration(T, T.plusSeconds(45)));
        assertEquals("12 min", BoardRow.duration(T, T.plusSeconds(12 * 60 + 59)));
        assertEquals("2 h 05 min", BoardRow.duration(T, T.plusSeconds(2 * 3600 + 5 * 60)));
        assertEquals("3 d 4 h", BoardRow.duration(T, T.plusSeconds(76 * 3600)));
        assertEquals("", BoardRow.duration(T, null));
        assertEquals("1 h 00 min", new BoardRow(outage(1, "T1", null, 2, 0), false, "UTC").getDuration());
    }
}
