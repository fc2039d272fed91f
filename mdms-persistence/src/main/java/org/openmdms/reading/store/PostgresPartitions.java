package org.openmdms.reading.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The monthly partitions of {@code interval_read} and {@code interval_read_history} on PostgreSQL:
 * one per UTC month of interval end, named {@code <table>_yYYYYmMM} and bounded
 * [first of the month, first of the next); created ahead and on demand, listed, and dropped or
 * detached by retention. Creating and removing partitions take the same advisory lock, so
 * concurrent writers and the nightly job never collide.
 */
final class PostgresPartitions {

    static final String[] TABLES = {"interval_read", "interval_read_history"};
    private static final Pattern NAME = Pattern.compile("(\\w+)_y(\\d{4})m(\\d{2})");
    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('interval_read partitions'))";

    /** The partitions of both tables with the planner's row estimate and size, oldest month first. */
    private static final String LIST = "SELECT p.relname, c.relname,"
            + " GREATEST(c.reltuples, COALESCE(s.n_live_tup, 0))::bigint, pg_total_relation_size(c.oid)"
            + " FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent"
            + " LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid"
            + " WHERE i.inhparent IN ('interval_read'::regclass, 'interval_read_history'::regclass)"
            + " ORDER BY c.relname";

    private PostgresPartitions() {
    }

    /** Makes the partitions of every month from the first to the last interval end that has none. */
    static void ensure(Connection c, Instant firstEnd, Instant lastEnd) throws SQLException {
        YearMonth month = YearMonth.from(firstEnd.atOffset(ZoneOffset.UTC));
        YearMonth last = YearMonth.from(lastEnd.atOffset(ZoneOffset.UTC));
        for (; !month.isAfter(last); month = month.plusMonths(1)) {
            if (!exists(c, JdbcIntervalStore.monthTable(TABLES[0], month)) || !exists(c, JdbcIntervalStore.monthTable(TABLES[1], month))) {
                create(c, month);
            }
        }
    }

    static List<StoredMonth> list(Connection c) throws SQLException {
        List<StoredMonth> months = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(LIST)) {
            while (r.next()) {
                Matcher m = NAME.matcher(r.getString(2));
                if (m.matches()) {
                    months.add(new StoredMonth(r.getString(1), YearMonth.of(Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3))).atDay(1), r.getString(2), r.getLong(3), r.getLong(4)));
                }
            }
        }
        months.sort(Comparator.comparing(StoredMonth::month).thenComparing(StoredMonth::table));
        return months;
    }

    /**
     * Drops or detaches the partitions of every month before {@code before} (their upper bound is at
     * or before it). A detached partition becomes {@link RetentionMode#archiveName}; if that table
     * exists already (late reads re-created the month after it was detached) the rows are moved into
     * it, so each month has one archive table.
     *
     * @return the partitions removed
     */
    static List<String> retire(Connection c, YearMonth before, RetentionMode mode) throws SQLException {
        List<String> retired = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.execute(LOCK);
            for (StoredMonth month : list(c)) {
                if (!YearMonth.from(month.month()).isBefore(before)) {
                    continue;
                }
                String partition = month.partition();
                if (mode == RetentionMode.DROP) {
                    s.execute("DROP TABLE " + partition);
                } else {
                    String archive = RetentionMode.archiveName(partition);
                    s.execute("ALTER TABLE " + month.table() + " DETACH PARTITION " + partition);
                    if (exists(c, archive)) {
                        s.execute("INSERT INTO " + archive + " SELECT * FROM " + partition);
                        s.execute("DROP TABLE " + partition);
                    } else {
                        s.execute("ALTER TABLE " + partition + " RENAME TO " + archive);
                    }
                }
                retired.add(partition);
            }
        }
        return retired;
    }

    /** A catalogue lookup without locks: most writes land in months that already have partitions. */
    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    private static void create(Connection c, YearMonth month) throws SQLException {
        String from = month.atDay(1) + " 00:00:00+00";
        String to = month.plusMonths(1).atDay(1) + " 00:00:00+00";
        try (Statement s = c.createStatement()) {
            s.execute(LOCK);
            for (String table : TABLES) {
                s.execute("CREATE TABLE IF NOT EXISTS " + JdbcIntervalStore.monthTable(table, month) + " PARTITION OF " + table
                        + " FOR VALUES FROM ('" + from + "') TO ('" + to + "')");
            }
        }
    }
}
