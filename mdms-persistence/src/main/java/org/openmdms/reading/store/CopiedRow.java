package org.openmdms.reading.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.openmdms.reading.entity.ReadSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Rows of {@code COPY (SELECT …) TO STDOUT} in PostgreSQL's text format, read on the driver's own
 * connection ({@link #copyOut}) and parsed straight from their bytes: interval reads
 * ({@code 42\t1767226500\t0.125000\t0\tA}, handed to a {@link IntervalStore.ReadSink}) and daily
 * totals. VEE and billing load hundreds of thousands of rows per batch: through the
 * container's JDBC wrapper every getter takes the managed connection's lock and the value goes through
 * a string, about 3 µs per read; here a row is a few loops over its bytes. A value becomes the same
 * {@link BigDecimal} the driver would give ({@code 0.125000}: unscaled 125000, scale 6), built from a
 * long; a value of more than 18 digits goes through {@code new BigDecimal(String)}.
 */
final class CopiedRow {

    private static final ReadSource[] SOURCES = new ReadSource[128];

    static {
        for (ReadSource source : ReadSource.values()) {
            SOURCES[source.code()] = source;
        }
    }

    private final byte[] row;
    private int at;

    private CopiedRow(byte[] row) {
        this.row = row;
    }

    /** Parses the row (without or with its trailing newline) and passes it on. */
    static void parse(byte[] row, IntervalStore.ReadSink sink) {
        new CopiedRow(row).into(sink);
    }

    /**
     * Parses one row of {@code COPY (SELECT channel_id, local_day - DATE '1970-01-01', total,
     * read_count, estimated_count, edited_count, max_value, outage_count) TO STDOUT}: a channel's
     * daily totals, the day as epoch days ({@code 42\t20454\t12.500000\t96\t0\t0\t0.250000\t0}).
     */
    static DailyReading daily(byte[] row) {
        CopiedRow r = new CopiedRow(row);
        long channel = r.longField();
        LocalDate day = LocalDate.ofEpochDay(r.longField());
        BigDecimal total = r.decimalField();
        int reads = (int) r.longField();
        int estimated = (int) r.longField();
        int edited = (int) r.longField();
        BigDecimal max = r.decimalField();
        return new DailyReading(channel, day, total, reads, estimated, edited, max, (int) r.lastLongField());
    }

    /**
     * Runs {@code COPY (query) TO STDOUT} on the connection's PostgreSQL driver and hands each row's
     * bytes on, streaming as a fetch size would. COPY takes no bind parameters: the caller writes only
     * numbers and ISO dates and instants into the query.
     */
    static void copyOut(Connection c, String query, Consumer<byte[]> rows) throws SQLException {
        CopyOut copy = c.unwrap(PGConnection.class).getCopyAPI().copyOut(query);
        try {
            for (byte[] row = copy.readFromCopy(); row != null; row = copy.readFromCopy()) {
                rows.accept(row);
            }
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** A signed integer up to the end of the row (or its newline). */
    private long lastLongField() {
        return integer(true);
    }

    private void into(IntervalStore.ReadSink sink) {
        long channel = longField();
        long epochSecond = longField();
        BigDecimal value = decimalField();
        int quality = (int) longField();
        if (at >= row.length || row[at] < 0 || SOURCES[row[at]] == null) {
            throw malformed("source");
        }
        ReadSource source = SOURCES[row[at]];
        sink.accept(channel, Instant.ofEpochSecond(epochSecond), value, quality, source);
    }

    /** A signed integer up to the next tab; the position moves past the tab. */
    private long longField() {
        return integer(false);
    }

    /** A signed integer up to the next tab (moving past it), or, for the row's last field, to its end. */
    private long integer(boolean last) {
        boolean negative = at < row.length && row[at] == '-';
        if (negative) {
            at++;
        }
        int start = at;
        long n = 0;
        while (at < row.length && row[at] != '\t' && (!last || row[at] != '\n' && row[at] != '\r')) {
            int digit = row[at] - '0';
            if (digit < 0 || digit > 9 || at - start >= 18) {
                throw malformed("integer");
            }
            n = n * 10 + digit;
            at++;
        }
        if (at == start || !last && at >= row.length || last && at < row.length && row[at] == '\t') {
            throw malformed("integer");
        }
        at++;
        return negative ? -n : n;
    }

    /** A NUMERIC in plain notation ({@code -12.500000}) up to the next tab; the position moves past the tab. */
    private BigDecimal decimalField() {
        int start = at;
        boolean negative = row[at] == '-';
        int i = negative ? at + 1 : at;
        long unscaled = 0;
        int digits = 0;
        int scale = 0;
        boolean point = false;
        boolean plain = true;
        for (; i < row.length && row[i] != '\t'; i++) {
            byte b = row[i];
            if (b == '.' && !point) {
                point = true;
            } else if (b >= '0' && b <= '9') {
                if (++digits > 18) {
                    plain = false;
                }
                unscaled = unscaled * 10 + (b - '0');
                if (point) {
                    scale++;
                }
            } else {
                plain = false;
            }
        }
        if (i >= row.length || digits == 0 && plain) {
            throw malformed("value");
        }
        at = i + 1;
        if (!plain) {
            return new BigDecimal(new String(row, start, i - start, StandardCharsets.US_ASCII));
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }

    private IllegalStateException malformed(String field) {
        return new IllegalStateException("Unexpected " + field + " in the COPY row '"
                + new String(row, StandardCharsets.US_ASCII).strip() + "' at " + at);
    }
}
