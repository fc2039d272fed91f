package org.openmdms.billing.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A published tariff calendar as CSV: a header row, then {@code start,period} per interval — the
 * interval's start as an ISO instant ("2013-01-01T00:30:00Z") or a local date-time
 * ("2013-01-01 00:30:00") in a given zone (the LCL dynamic tariff file uses GMT labels: zone UTC).
 * A bad line refuses the whole file with its line number: a calendar with holes would price wrongly.
 */
public final class TariffCalendarCsv {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]");

    private TariffCalendarCsv() {
    }

    public static NavigableMap<Instant, String> parse(BufferedReader reader, ZoneId zone) {
        NavigableMap<Instant, String> periods = new TreeMap<>();
        try {
            String line = reader.readLine();
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length != 2 || fields[1].isBlank()) {
                    throw new IllegalArgumentException("Line " + number + ": expected start,period but found: " + line);
                }
                String start = fields[0].strip();
                Instant at;
                try {
                    at = start.endsWith("Z") ? Instant.parse(start) : LocalDateTime.parse(start, LOCAL).atZone(zone)
                            .toInstant();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("Line " + number + ": not a date-time: " + start);
                }
                if (periods.put(at, fields[1].strip()) != null) {
                    throw new IllegalArgumentException("Line " + number + ": the interval starting " + at
                            + " is given twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return periods;
    }
}
