package org.openmdms.reading.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What the reading stores share: work on a connection of the data source inside the caller's
 * transaction (or one of its own), queries mapped row by row, and instants bound and read as UTC
 * offsets (TIMESTAMP WITH TIME ZONE).
 */
public abstract class JdbcStore {

    protected final DataSource dataSource;

    protected JdbcStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Ids in one IN list: well below the 1 000 items Oracle allows. */
    protected static final int IN_LIST = 500;

    /** The ids, without repeats and in order, in parts of at most {@value #IN_LIST}: one query each. */
    protected static <T extends Comparable<? super T>> List<List<T>> inLists(java.util.Collection<T> ids) {
        List<T> all = List.copyOf(new java.util.TreeSet<>(ids));
        List<List<T>> parts = new ArrayList<>();
        for (int start = 0; start < all.size(); start += IN_LIST) {
            parts.add(all.subList(start, Math.min(all.size(), start + IN_LIST)));
        }
        return parts;
    }

    /** "?, ?, ?": the markers of an IN list of n items (also for SQL on a JPA session's connection). */
    public static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** Binds the ids from the given position on; returns the position after them. */
    public static int bindIds(PreparedStatement s, int first, List<Long> ids) throws SQLException {
        int i = first;
        for (Long id : ids) {
            s.setLong(i++, id);
        }
        return i;
    }

    protected static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A TIMESTAMP WITH TIME ZONE column as an instant, null for NULL. */
    public static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * A DATE column as a local day, without {@code getDate}'s detour through a {@code Calendar} in
     * the JVM's zone (VEE reads thousands of daily totals per batch).
     */
    protected static java.time.LocalDate localDate(ResultSet r, int column) throws SQLException {
        return r.getObject(column, java.time.LocalDate.class);
    }

    protected static void update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    /** The rows of a query, at most {@code maxRows} (0: all). */
    protected <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper, int maxRows) {
        return inTransaction(c -> {
            List<T> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setMaxRows(maxRows);
                binder.bind(s);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add(mapper.map(r));
                    }
                }
            }
            return rows;
        });
    }

    protected <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        return query(sql, binder, mapper, 0);
    }

    /**
     * Runs the work on a connection of the data source: inside the caller's (JTA) transaction when
     * there is one, else in a transaction of its own.
     */
    protected <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean own = c.getAutoCommit();
            if (own) {
                c.setAutoCommit(false);
            }
            try {
                T result = work.run(c);
                if (own) {
                    c.commit();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                if (own) {
                    c.rollback();
                }
                throw e;
            } finally {
                if (own) {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new ReadingStoreException(e);
        }
    }
}
