package org.openmdms.reading.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.openmdms.meter.control.RowError;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.ReadingType;
import org.openmdms.meter.entity.Unit;
import org.openmdms.reading.entity.MeterEventType;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;

/**
 * A batch a head-end pushes as JSON (REST, and the JMS queue): interval reads ({@code reads}), and
 * optionally register reads ({@code registerReads}) and meter events ({@code events}). Each record
 * names its meter; instants are UTC ({@code intervalEnd} the interval's END, {@code readAt} the
 * register's read instant, {@code occurredAt} the event's); quality (flag bits) and source default to
 * valid and actual.
 *
 * <p>Rejects name a record by its position in the whole batch, counting the {@code reads} first,
 * then the {@code registerReads}, then the {@code events}: with 10 reads and 2 register reads, "line"
 * 11 is the first register read and "line" 13 the first event.
 */
public record ReadingBatch(String source, List<Read> reads, List<RegisterRead> registerReads, List<Event> events) {

    /** One interval read as sent. */
    public record Read(String meterId, String unit, Integer intervalMinutes, String direction, String intervalEnd,
            BigDecimal value, Integer quality, String source) {

        /** The read as a batch would send it (a refused read kept for reprocessing). */
        public static Read of(MeterIntervalRead read) {
            return new Read(read.meterId(), read.unit().name(), read.intervalMinutes(), read.direction().name(),
                    read.intervalEnd().toString(), read.value(), read.quality(), read.source().name());
        }
    }

    /** One register (cumulative) read as sent. */
    public record RegisterRead(String meterId, String unit, String direction, String readAt, BigDecimal value,
            Integer quality, String source) {

        public static RegisterRead of(MeterRegisterRead read) {
            return new RegisterRead(read.meterId(), read.unit().name(), read.direction().name(),
                    read.readAt().toString(), read.value(), read.quality(), read.source().name());
        }
    }

    /** One meter event as sent. */
    public record Event(String meterId, String type, String occurredAt, String detail) {

        public static Event of(MeterEvent event) {
            return new Event(event.meterId(), event.type().name(), event.occurredAt().toString(), event.detail());
        }
    }

    /** Records in the batch, of all kinds. */
    public int size() {
        return all(reads).size() + all(registerReads).size() + all(events).size();
    }

    /** Hands each record on to the sink, or a reject with its position (see above) and reason. */
    public void emit(ReadingSink sink) {
        long line = 0;
        for (Read read : all(reads)) {
            long at = ++line;
            handOn(sink, at, () -> sink.interval(convert(at, read)));
        }
        for (RegisterRead read : all(registerReads)) {
            long at = ++line;
            handOn(sink, at, () -> sink.register(convert(at, read)));
        }
        for (Event event : all(events)) {
            long at = ++line;
            handOn(sink, at, () -> sink.event(convert(at, event)));
        }
    }

    private static void handOn(ReadingSink sink, long line, Runnable conversion) {
        try {
            conversion.run();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            sink.reject(new RowError(line, e.getMessage()));
        }
    }

    private static <T> List<T> all(List<T> records) {
        return records == null ? List.of() : records;
    }

    private static MeterRegisterRead convert(long line, RegisterRead read) {
        if (read == null) {
            throw new IllegalArgumentException("register read is empty");
        }
        String meterId = meterId(read.meterId());
        if (read.value() == null) {
            throw new IllegalArgumentException("value is required");
        }
        return new MeterRegisterRead(line, meterId, name(Unit.class, "unit", read.unit()),
                read.direction() == null ? FlowDirection.DELIVERED : name(FlowDirection.class, "direction", read.direction()),
                instant("readAt", read.readAt(), "2013-01-01T00:00:00Z"), read.value(), quality(read.quality()),
                source(read.source()));
    }

    private static MeterEvent convert(long line, Event event) {
        if (event == null) {
            throw new IllegalArgumentException("event is empty");
        }
        String meterId = meterId(event.meterId());
        return new MeterEvent(line, meterId, name(MeterEventType.class, "type", event.type()),
                instant("occurredAt", event.occurredAt(), "2013-01-01T18:04:05Z"),
                event.detail() == null || event.detail().isBlank() ? null : event.detail().strip());
    }

    private static MeterIntervalRead convert(long line, Read read) {
        if (read == null) {
            throw new IllegalArgumentException("read is empty");
        }
        String meterId = meterId(read.meterId());
        if (read.intervalMinutes() == null || !ReadingType.INTERVAL_MINUTES.contains(read.intervalMinutes())) {
            throw new IllegalArgumentException("intervalMinutes must be one of " + ReadingType.INTERVAL_MINUTES);
        }
        if (read.value() == null) {
            throw new IllegalArgumentException("value is required");
        }
        Instant end = instant("intervalEnd", read.intervalEnd(), "2013-01-01T00:30:00Z");
        return new MeterIntervalRead(line, meterId, name(Unit.class, "unit", read.unit()),
                read.intervalMinutes(),
                read.direction() == null ? FlowDirection.DELIVERED : name(FlowDirection.class, "direction", read.direction()),
                end, read.value(), quality(read.quality()), source(read.source()));
    }

    private static String meterId(String meterId) {
        if (meterId == null || meterId.isBlank()) {
            throw new IllegalArgumentException("meterId is required");
        }
        return meterId.strip();
    }

    private static Instant instant(String field, String text, String example) {
        if (text == null) {
            throw new IllegalArgumentException(field + " is required (UTC instant, e.g. " + example + ")");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not a UTC instant such as " + example);
        }
    }

    private static int quality(Integer quality) {
        int flags = quality == null ? Quality.VALID : quality;
        if (flags < 0 || flags > 31) {
            throw new IllegalArgumentException("quality must be a sum of the flags 1, 2, 4, 8, 16");
        }
        return flags;
    }

    private static ReadSource source(String text) {
        ReadSource source = text == null ? ReadSource.ACTUAL : name(ReadSource.class, "source", text);
        if (source == ReadSource.EDITED) {
            throw new IllegalArgumentException("source EDITED is for analysts' edits, not for head-end data");
        }
        return source;
    }

    private static <E extends Enum<E>> E name(Class<E> type, String field, String text) {
        if (text == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
