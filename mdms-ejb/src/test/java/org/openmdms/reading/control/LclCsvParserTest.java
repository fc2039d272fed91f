package org.openmdms.reading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmdms.meter.control.RowError;
import org.openmdms.meter.entity.Unit;
import org.openmdms.reading.entity.ReadSource;

class LclCsvParserTest {

    private final RecordingSink sink = new RecordingSink();
    private final List<MeterIntervalRead> reads = sink.intervals;
    private final List<RowError> rejects = sink.rejects;

    private void parse(String csv) {
        LclCsvParser.parse(new BufferedReader(new StringReader(csv)), sink);
    }

    @Test
    void aRowLabelledByTheHalfHourStartInGmtBecomesAReadEndingThirtyMinutesLater() {
        parse("LCLid,tstp,energy(kWh/hh)\nMAC000002,2013-01-01 00:00:00, 0.219 \nMAC000002,2013-06-30 23:30:00,1.5\n");

        assertEquals(List.of(), rejects);
        assertEquals(Instant.parse("2013-01-01T00:30:00Z"), reads.get(0).intervalEnd());
        assertEquals(new BigDecimal("0.219"), reads.get(0).value());
        assertEquals(Unit.KWH, reads.get(0).unit());
        assertEquals(30, reads.get(0).intervalMinutes());
        assertEquals(ReadSource.ACTUAL, reads.get(0).source());
        assertEquals("MAC000002", reads.get(0).meterId());
        // GMT all year: the summer row is not shifted by British Summer Time.
        assertEquals(Instant.parse("2013-07-01T00:00:00Z"), reads.get(1).intervalEnd());
        assertEquals(3, reads.get(1).line());
    }

    @Test
    void theSpringDstDayHas48RowsInGmt() {
        StringBuilder csv = new StringBuilder("LCLid,tstp,energy(kWh/hh)\n");
        for (int i = 0; i < 48; i++) {
            csv.append(String.format("MAC000003,2013-03-31 %02d:%02d:00, 0.1 %n", i / 2, i % 2 * 30));
        }
        parse(csv.toString());

        assertEquals(48, reads.size());
        assertEquals(Instant.parse("2013-04-01T00:00:00Z"), reads.get(47).intervalEnd());
    }

    @Test
    void malformedRowsAreRejectedWithLineAndReasonAndTheRestIsRead() {
        parse("LCLid,tstp,energy(kWh/hh)\n"
                + "MAC000002,2013-01-01 00:00:00,Null\n"
                + "MAC000002,2013-01-01 00:10:00,0.2\n"
                + "MAC000002,01/01/2013 00:30,0.2\n"
                + ",2013-01-01 01:00:00,0.2\n"
                + "MAC000002,2013-01-01 01:30:00\n"
                + "MAC000002,2013-01-01 02:00:00,0.3\n");

        assertEquals(1, reads.size());
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L), rejects.stream().map(RowError::line).toList());
        assertTrue(rejects.get(0).reason().contains("'Null' is not a number"));
        assertTrue(rejects.get(1).reason().contains("not on a half-hour"));
        assertTrue(rejects.get(2).reason().contains("is not yyyy-MM-dd HH:mm:ss"));
        assertTrue(rejects.get(3).reason().contains("LCLid is empty"));
        assertTrue(rejects.get(4).reason().contains("found 2 fields"));
    }
}
