package org.openmdms.reading.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.ArrayList;
import java.util.List;
import org.openmdms.meter.control.RowError;

/**
 * A record the registry refused (unknown meter, no installation or channel then), kept whole so that
 * it can be reprocessed once the registry is fixed: its line and reason, its kind ({@code I} interval
 * read, {@code R} register read, {@code E} event) and the record as an element of the JSON reading
 * batch. A record that could not even be parsed has no kind and no JSON.
 */
public record RefusedRecord(long line, String reason, String kind, String json) {

    public static final String INTERVAL = "I";
    public static final String REGISTER = "R";
    public static final String EVENT = "E";

    private static final Jsonb JSON = JsonbBuilder.create();

    public static RefusedRecord unparsed(RowError error) {
        return new RefusedRecord(error.line(), error.reason(), null, null);
    }

    public static RefusedRecord of(MeterIntervalRead read, String reason) {
        return new RefusedRecord(read.line(), reason, INTERVAL, JSON.toJson(ReadingBatch.Read.of(read)));
    }

    public static RefusedRecord of(MeterRegisterRead read, String reason) {
        return new RefusedRecord(read.line(), reason, REGISTER, JSON.toJson(ReadingBatch.RegisterRead.of(read)));
    }

    public static RefusedRecord of(MeterEvent event, String reason) {
        return new RefusedRecord(event.line(), reason, EVENT, JSON.toJson(ReadingBatch.Event.of(event)));
    }

    /** The kept records (kind and JSON, in the order given) as one batch to import again. */
    public static ReadingBatch batch(String source, List<RefusedRecord> records) {
        List<ReadingBatch.Read> reads = new ArrayList<>();
        List<ReadingBatch.RegisterRead> registers = new ArrayList<>();
        List<ReadingBatch.Event> events = new ArrayList<>();
        for (RefusedRecord record : records) {
            switch (record.kind()) {
                case INTERVAL -> reads.add(JSON.fromJson(record.json(), ReadingBatch.Read.class));
                case REGISTER -> registers.add(JSON.fromJson(record.json(), ReadingBatch.RegisterRead.class));
                case EVENT -> events.add(JSON.fromJson(record.json(), ReadingBatch.Event.class));
                default -> throw new IllegalArgumentException("not a kept record: " + record);
            }
        }
        return new ReadingBatch(source, reads, registers, events);
    }
}
