package org.openmdms.reading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.reading.entity.MeterEventType;
import org.openmdms.reading.entity.ReadSource;

class ReadingBatchTest {

    private final RecordingSink sink = new RecordingSink();

    @Test
    void recordsAreNumberedAcrossTheBatchReadsFirstThenRegisterReadsThenEvents() {
        new ReadingBatch("HES", List.of(
                new ReadingBatch.Read("M1", "KWH", 30, null, "2013-06-01T10:00:00Z", BigDecimal.ONE, null, null),
                new ReadingBatch.Read("M1", "KWH", 7, null, "2013-06-01T10:30:00Z", BigDecimal.ONE, null, null)),
                List.of(new ReadingBatch.RegisterRead("M1", "kwh", "received", "2013-06-01T00:00:00Z",
                        new BigDecimal("1234.5"), null, "ESTIMATED"),
                        new ReadingBatch.RegisterRead("M1", "KWH", null, "yesterday", BigDecimal.ONE, null, null)),
                List.of(new ReadingBatch.Event("M1", "last_gasp", "2013-06-01T10:04:05Z", " phase A "),
                        new ReadingBatch.Event("M1", "BLACKOUT", "2013-06-01T10:04:05Z", null),
                        new ReadingBatch.Event(" ", "TAMPER", "2013-06-01T10:04:05Z", null)))
                .emit(sink);

        assertEquals(1, sink.intervals.size());
        MeterRegisterRead register = sink.registers.get(0);
        assertEquals(3, register.line());
        assertEquals(FlowDirection.RECEIVED, register.direction());
        assertEquals(ReadSource.ESTIMATED, register.source());
        assertEquals(Instant.parse("2013-06-01T00:00:00Z"), register.readAt());
        MeterEvent event = sink.events.get(0);
        assertEquals(5, event.line());
        assertEquals(MeterEventType.LAST_GASP, event.type());
        assertEquals("phase A", event.detail());
        assertEquals(List.of(2L, 4L, 6L, 7L), sink.rejects.stream().map(e -> e.line()).toList());
        assertTrue(sink.rejects.get(1).reason().contains("readAt 'yesterday' is not a UTC instant"), sink.rejectsText());
        assertTrue(sink.rejects.get(2).reason().contains("type 'BLACKOUT' is not one of"), sink.rejectsText());
        assertTrue(sink.rejects.get(3).reason().contains("meterId is required"), sink.rejectsText());
    }

    @Test
    void aBatchCountsAllItsRecords() {
        assertEquals(2, new ReadingBatch(null, null, null,
                List.of(new ReadingBatch.Event("M1", "TAMPER", "2013-06-01T10:04:05Z", null),
                        new ReadingBatch.Event("M1", "TAMPER", "2013-06-01T10:05:05Z", null))).size());
    }
}
