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
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;

/**
 * A batch of reads a head-end pushes as JSON (REST). Each read names its meter and reading type and
 * gives the interval's END instant in UTC; quality (flag bits) and source default to valid and actual.
 * The n-th read of the batch is "line" n in rejects.
 */
public record ReadingBatch(String source, List<Read> reads) {

    /** One read as sent. */
    public record Read(String meterId, String unit, Integer intervalMinutes, String direction, String intervalEnd,
            BigDecimal value, Integer quality, String source) {
    }

    /** Hands each read on as a {@link MeterIntervalRead}, or as a reject with its position and reason. */
    public void emit(ReadingSink sink) {
        List<Read> all = reads == null ? List.of() : reads;
        for (int i = 0; i < all.size(); i++) {
            long line = i + 1L;
            Read read = all.get(i);
            try {
                sink.interval(convert(line, read));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                sink.reject(new RowError(line, e.getMessage()));
            }
        }
    }

    private static MeterIntervalRead convert(long line, Read read) {
        if (read == null) {
            throw new IllegalArgumentException("read is empty");
        }
        if (read.meterId() == null || read.meterId().isBlank()) {
            throw new IllegalArgumentException("meterId is required");
        }
        if (read.intervalMinutes() == null || !ReadingType.INTERVAL_MINUTES.contains(read.intervalMinutes())) {
            throw new IllegalArgumentException("intervalMinutes must be one of " + ReadingType.INTERVAL_MINUTES);
        }
        if (read.value() == null) {
            throw new IllegalArgumentException("value is required");
        }
        if (read.intervalEnd() == null) {
            throw new IllegalArgumentException("intervalEnd is required (UTC instant, e.g. 2013-01-01T00:30:00Z)");
        }
        Instant end;
        try {
            end = Instant.parse(read.intervalEnd());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("intervalEnd '" + read.intervalEnd()
                    + "' is not a UTC instant such as 2013-01-01T00:30:00Z");
        }
        int quality = read.quality() == null ? Quality.VALID : read.quality();
        if (quality < 0 || quality > 31) {
            throw new IllegalArgumentException("quality must be a sum of the flags 1, 2, 4, 8, 16");
        }
        ReadSource source = read.source() == null ? ReadSource.ACTUAL : name(ReadSource.class, "source", read.source());
        if (source == ReadSource.EDITED) {
            throw new IllegalArgumentException("source EDITED is for analysts' edits, not for head-end data");
        }
        return new MeterIntervalRead(line, read.meterId().strip(), name(Unit.class, "unit", read.unit()),
                read.intervalMinutes(),
                read.direction() == null ? FlowDirection.DELIVERED : name(FlowDirection.class, "direction", read.direction()),
                end, read.value(), quality, source);
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
