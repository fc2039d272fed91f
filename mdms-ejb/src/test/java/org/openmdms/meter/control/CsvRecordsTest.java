package org.openmdms.meter.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    private static List<CsvRecords.Record> records(String csv) {
        List<CsvRecords.Record> all = new ArrayList<>();
        new CsvRecords(new BufferedReader(new StringReader(csv))).forEachRemaining(all::add);
        return all;
    }

    @Test
    void quotesHoldCommasDoubledQuotesAndLineBreaksAndLinesAreCountedFromTheRecordStart() {
        List<CsvRecords.Record> all = records("\uFEFFa,b,c\n\n\"x, y\",\"say \"\"hi\"\"\", z \n\"two\nlines\",2,3\nlast,,\n");

        assertEquals(List.of("a", "b", "c"), all.get(0).fields());
        assertEquals(List.of("x, y", "say \"hi\"", "z"), all.get(1).fields());
        assertEquals(3, all.get(1).line());
        assertEquals(List.of("two\nlines", "2", "3"), all.get(2).fields());
        assertEquals(4, all.get(2).line());
        assertEquals(6, all.get(3).line());
        assertEquals(List.of("last", "", ""), all.get(3).fields());
        assertNull(all.get(3).error());
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        CsvRecords.Record bad = records("\"a\"b,c\n").get(0);
        assertEquals("text after a closing quote in field 1", bad.error());
    }
}
