package org.openmdms.web.billing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A calendar tariff's published periods as CSV: a header, then {@code start,period} per interval,
 * the start an ISO instant ("2013-01-01T00:30:00Z") or a local date-time ("2013-01-01 00:30:00") in
 * the zone given (UTC when none). Read by the REST resource and the tariff page alike.
 */
final class CalendarCsv {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]");

    private CalendarCsv() {
    }

    static ZoneId zone(String zone) {
        return zone == null || zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone.strip());
    }

    static NavigableMap<Instant, String> parse(InputStream csv, ZoneId in) throws IOException {
        NavigableMap<Instant, String> periods = new TreeMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length != 2 || fields[1].isBlank()) {
                    throw new IllegalArgumentException("Line " + number + ": expected start,period");
                }
                String start = fields[0].strip();
                try {
                    Instant at = start.endsWith("Z") ? Instant.parse(start)
                            : LocalDateTime.parse(start, LOCAL).atZone(in).toInstant();
                    periods.put(at, fields[1].strip());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("Line " + number + ": not a date-time: " + start);
                }
            }
        }
        return periods;
    }
}
