package org.openmdms.reading.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.openmdms.meter.control.RowError;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.Unit;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;

/**
 * The Low Carbon London smart-meter CSV ({@code LCLid,tstp,energy(kWh/hh)}): half-hourly kWh per
 * household. Convention of the format: {@code tstp} is the START of the half-hour, in GMT all year
 * (no clock change: 48 rows on the DST days); the value may carry surrounding spaces. Each row
 * becomes a read of meter {@code LCLid} whose interval ENDS 30 minutes after {@code tstp}.
 */
public final class LclCsvParser {

    private static final DateTimeFormatter TSTP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSS]");

    private LclCsvParser() {
    }

    public static void parse(BufferedReader in, ReadingSink sink) {
        try {
            String text;
            long line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isBlank() || (line == 1 && text.startsWith("LCLid"))) {
                    continue;
                }
                read(line, text, sink);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void read(long line, String text, ReadingSink sink) {
        String[] fields = text.split(",", -1);
        if (fields.length != 3) {
            sink.reject(new RowError(line, "expected LCLid,tstp,energy(kWh/hh); found " + fields.length + " fields"));
            return;
        }
        String meter = fields[0].strip();
        if (meter.isEmpty()) {
            sink.reject(new RowError(line, "LCLid is empty"));
            return;
        }
        LocalDateTime start;
        try {
            start = LocalDateTime.parse(fields[1].strip(), TSTP);
        } catch (DateTimeParseException e) {
            sink.reject(new RowError(line, "tstp '" + fields[1].strip() + "' is not yyyy-MM-dd HH:mm:ss"));
            return;
        }
        if (start.getMinute() % 30 != 0 || start.getSecond() != 0) {
            sink.reject(new RowError(line, "tstp " + start + " is not on a half-hour"));
            return;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(fields[2].strip());
        } catch (NumberFormatException e) {
            sink.reject(new RowError(line, "energy '" + fields[2].strip() + "' is not a number"));
            return;
        }
        sink.interval(new MeterIntervalRead(line, meter, Unit.KWH, 30, FlowDirection.DELIVERED,
                start.plusMinutes(30).toInstant(ZoneOffset.UTC), value, Quality.VALID, ReadSource.ACTUAL));
    }
}
