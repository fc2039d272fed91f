package org.openmdms.reading.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.openmdms.reading.entity.ReadSource;

/**
 * Register (cumulative dial) reads in the database, versioned like interval reads but simpler: a read
 * is identified by (register channel, read instant); the same value, quality and source again is a
 * duplicate; a different one becomes the current version (+1) and the previous one moves to
 * {@code register_read_history} as REPLACED, or ESTIMATE_REPLACED_BY_ACTUAL. (Analysts do not edit
 * register reads, so there is no "behind an edit" case.) A write classifies its rows against what
 * is stored with one query per {@value #CHANNELS_PER_QUERY} channels, then inserts, moves and updates
 * with JDBC batches; a key a concurrent writer stored first counts as a duplicate. Writes join the
 * caller's transaction.
 */
public class RegisterReadStore extends JdbcStore {

    static final int CHANNELS_PER_QUERY = 500;
    private static final String[] COLUMNS = {"channel_id", "read_at", "read_value", "quality", "source", "version",
        "received_at", "import_id"};
    private static final String[] TYPES = {"BIGINT", "TIMESTAMP WITH TIME ZONE", "NUMERIC(18,6)", "INTEGER", "CHAR(1)",
        "INTEGER", "TIMESTAMP WITH TIME ZONE", "BIGINT"};

    private static final String HISTORY = "INSERT INTO register_read_history"
            + " (channel_id, read_at, read_value, quality, source, version, received_at, import_id, superseded_at, reason)"
            + " SELECT channel_id, read_at, read_value, quality, source, version, received_at, import_id, ?, ?"
            + " FROM register_read WHERE channel_id = ? AND read_at = ?";
    private static final String REPLACE = "UPDATE register_read SET read_value = ?, quality = ?, source = ?,"
            + " version = version + 1, received_at = ?, import_id = ? WHERE channel_id = ? AND read_at = ?";

    private final String insert;

    public RegisterReadStore(DataSource dataSource, String databaseProduct) {
        super(dataSource);
        insert = InsertIfAbsent.of(databaseProduct).sql("register_read", COLUMNS, TYPES,
                new String[] {"channel_id", "read_at"});
    }

    /**
     * Writes the rows as described above. Of rows with the same channel and instant the last one
     * counts; the earlier ones are counted as duplicates.
     */
    public WriteResult write(List<RegisterRow> rows, Long importId) {
        if (rows.isEmpty()) {
            return WriteResult.NONE;
        }
        Map<Key, RegisterRow> latest = new LinkedHashMap<>();
        rows.forEach(r -> latest.put(new Key(r.channelId(), r.readAt()), r));
        long repeatedInBatch = rows.size() - latest.size();
        Timestamp now = Timestamp.from(Instant.now());
        return inTransaction(c -> {
            Map<Key, StoredRegisterRead> stored = stored(c, latest.values());
            List<RegisterRow> fresh = new ArrayList<>();
            List<RegisterRow> changed = new ArrayList<>();
            long same = 0;
            for (Map.Entry<Key, RegisterRow> e : latest.entrySet()) {
                StoredRegisterRead current = stored.get(e.getKey());
                if (current == null) {
                    fresh.add(e.getValue());
                } else if (sameAs(current, e.getValue())) {
                    same++;
                } else {
                    changed.add(e.getValue());
                }
            }
            long inserted = insert(c, fresh, now, importId);
            replace(c, changed, stored, now, importId);
            return new WriteResult(inserted, changed.size(), 0,
                    same + (fresh.size() - inserted) + repeatedInBatch);
        });
    }

    /** Current values of a register channel read in [from, to), in time order. */
    public List<StoredRegisterRead> reads(long channelId, Instant from, Instant to) {
        return query("SELECT read_at, read_value, quality, source, version, received_at FROM register_read"
                + " WHERE channel_id = ? AND read_at >= ? AND read_at < ? ORDER BY read_at", s -> {
                    s.setLong(1, channelId);
                    s.setObject(2, utc(from));
                    s.setObject(3, utc(to));
                }, RegisterReadStore::current);
    }

    /** Earlier versions of one register read, oldest first. */
    public List<RegisterReadVersion> history(long channelId, Instant readAt) {
        return query("SELECT read_at, read_value, quality, source, version, received_at, superseded_at, reason"
                + " FROM register_read_history WHERE channel_id = ? AND read_at = ? ORDER BY superseded_at, version",
                s -> {
                    s.setLong(1, channelId);
                    s.setObject(2, utc(readAt));
                }, r -> new RegisterReadVersion(instant(r, 1), r.getBigDecimal(2), r.getInt(3),
                        ReadSource.of(r.getString(4).charAt(0)), r.getInt(5), instant(r, 6), instant(r, 7),
                        r.getString(8)));
    }

    private static boolean sameAs(StoredRegisterRead current, RegisterRow row) {
        return current.value().compareTo(row.value()) == 0 && current.quality() == row.quality()
                && current.source() == row.source();
    }

    /** What is stored for the rows' keys: per group of channels, the reads within the rows' time span. */
    private static Map<Key, StoredRegisterRead> stored(Connection c, Collection<RegisterRow> rows) throws SQLException {
        Map<Long, List<RegisterRow>> byChannel = rows.stream().collect(Collectors.groupingBy(RegisterRow::channelId));
        List<Long> channels = new ArrayList<>(byChannel.keySet());
        Map<Key, StoredRegisterRead> found = new HashMap<>();
        for (int from = 0; from < channels.size(); from += CHANNELS_PER_QUERY) {
            List<Long> group = channels.subList(from, Math.min(channels.size(), from + CHANNELS_PER_QUERY));
            List<RegisterRow> groupRows = group.stream().flatMap(ch -> byChannel.get(ch).stream()).toList();
            Instant first = groupRows.stream().map(RegisterRow::readAt).min(Instant::compareTo).orElseThrow();
            Instant last = groupRows.stream().map(RegisterRow::readAt).max(Instant::compareTo).orElseThrow();
            String in = group.stream().map(ch -> "?").collect(Collectors.joining(", "));
            try (PreparedStatement s = c.prepareStatement("SELECT read_at, read_value, quality, source, version,"
                    + " received_at, channel_id FROM register_read WHERE channel_id IN (" + in + ")"
                    + " AND read_at >= ? AND read_at <= ?")) {
                int i = 1;
                for (Long channel : group) {
                    s.setLong(i++, channel);
                }
                s.setObject(i++, utc(first));
                s.setObject(i, utc(last));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        StoredRegisterRead read = current(r);
                        found.put(new Key(r.getLong(7), read.readAt()), read);
                    }
                }
            }
        }
        return found;
    }

    private static StoredRegisterRead current(ResultSet r) throws SQLException {
        return new StoredRegisterRead(instant(r, 1), r.getBigDecimal(2), r.getInt(3),
                ReadSource.of(r.getString(4).charAt(0)), r.getInt(5), instant(r, 6));
    }

    /** New reads in one batch; returns how many were inserted (a key stored meanwhile answers 0). */
    private long insert(Connection c, List<RegisterRow> rows, Timestamp now, Long importId) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement s = c.prepareStatement(insert)) {
            for (RegisterRow row : rows) {
                s.setLong(1, row.channelId());
                s.setObject(2, utc(row.readAt()));
                s.setBigDecimal(3, row.value());
                s.setInt(4, row.quality());
                s.setString(5, String.valueOf(row.source().code()));
                s.setInt(6, 1);
                s.setTimestamp(7, now);
                importId(s, 8, importId);
                s.addBatch();
            }
            return inserted(s.executeBatch());
        }
    }

    /** Moves the current versions of the changed reads to the history, then replaces them. */
    private static void replace(Connection c, List<RegisterRow> rows, Map<Key, StoredRegisterRead> stored,
            Timestamp now, Long importId) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement history = c.prepareStatement(HISTORY);
                PreparedStatement replace = c.prepareStatement(REPLACE)) {
            for (RegisterRow row : rows) {
                StoredRegisterRead current = stored.get(new Key(row.channelId(), row.readAt()));
                history.setTimestamp(1, now);
                history.setString(2, current.source() == ReadSource.ESTIMATED && row.source() == ReadSource.ACTUAL
                        ? "ESTIMATE_REPLACED_BY_ACTUAL" : "REPLACED");
                history.setLong(3, row.channelId());
                history.setObject(4, utc(row.readAt()));
                history.addBatch();
                replace.setBigDecimal(1, row.value());
                replace.setInt(2, row.quality());
                replace.setString(3, String.valueOf(row.source().code()));
                replace.setTimestamp(4, now);
                importId(replace, 5, importId);
                replace.setLong(6, row.channelId());
                replace.setObject(7, utc(row.readAt()));
                replace.addBatch();
            }
            history.executeBatch();
            replace.executeBatch();
        }
    }

    static void importId(PreparedStatement s, int index, Long importId) throws SQLException {
        if (importId == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, importId);
        }
    }

    /** Rows a batch of insert-if-absent statements inserted (a driver that does not say counts as inserted). */
    static long inserted(int[] counts) {
        long inserted = 0;
        for (int count : counts) {
            inserted += count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
        }
        return inserted;
    }

    private record Key(long channelId, Instant readAt) {
    }
}
