package org.openmdms.meter.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads RFC 4180 CSV record by record (quoted fields may hold commas, doubled quotes and line
 * breaks), remembering the line each record starts on for error messages. Streams: only one record
 * is in memory at a time.
 */
public final class CsvRecords implements Iterator<CsvRecords.Record> {

    /** One CSV record and the (1-based) line it starts on; {@code error} is set if it is malformed. */
    public record Record(long line, List<String> fields, String error) {
    }

    private final BufferedReader reader;
    private long line;
    private Record next;

    public CsvRecords(BufferedReader reader) {
        this.reader = reader;
        this.next = read();
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public Record next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        Record current = next;
        next = read();
        return current;
    }

    private Record read() {
        try {
            String text = reader.readLine();
            while (text != null && text.isBlank()) {
                line++;
                text = reader.readLine();
            }
            if (text == null) {
                return null;
            }
            line++;
            long start = line;
            if (start == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            int i = 0;
            while (true) {
                if (i == text.length()) {
                    if (quoted) {
                        String more = reader.readLine();
                        if (more == null) {
                            return new Record(start, fields, "quoted field is not closed before the end of the file");
                        }
                        line++;
                        field.append('\n');
                        text = more;
                        i = 0;
                        continue;
                    }
                    fields.add(wasQuoted ? field.toString() : field.toString().strip());
                    return new Record(start, fields, null);
                }
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == '"' && field.toString().isBlank()) {
                    quoted = true;
                    wasQuoted = true;
                    field.setLength(0);
                } else if (c == ',') {
                    fields.add(wasQuoted ? field.toString() : field.toString().strip());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (wasQuoted && !Character.isWhitespace(c)) {
                    return new Record(start, fields, "text after a closing quote in field " + (fields.size() + 1));
                } else if (!wasQuoted) {
                    field.append(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
