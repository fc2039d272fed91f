package org.openmdms.reading.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Interval store on Oracle (19c and 23ai). <b>Reviewed, never executed here</b>: no Oracle database
 * runs on our machines. Rows are staged with JDBC batches into the global temporary table
 * {@code interval_read_stage} (sql/oracle/V5, ON COMMIT DELETE ROWS), then the shared SQL runs:
 * classification, history INSERT … SELECT, one MERGE for the new and changed rows, and the daily
 * totals MERGE per touched channel day. Only two statements are Oracle's own ({@link #MERGE},
 * {@link #DAILY}); docs/reading-import.md shows them and {@code OracleIntervalStoreTest} keeps the two
 * in step.
 *
 * <p>Partitions are made by the database (interval partitioning by month on {@code interval_end_utc},
 * sql/oracle/V5), so nothing is prepared. Retention drops whole partitions {@code FOR} a timestamp
 * inside their month; the primary key is a global index (it does not contain the partitioning
 * column), so every partition operation says {@code UPDATE GLOBAL INDEXES} — otherwise the key
 * would become unusable and every insert would fail. Partition DDL commits implicitly on Oracle,
 * which is why retention runs outside the caller's transaction.
 */
public class OracleIntervalStore extends JdbcIntervalStore {

    /**
     * Oracle's MERGE has no {@code WHEN MATCHED AND condition}: the condition is a WHERE of the
     * update clause, evaluated on the target's values before the update.
     */
    static final String MERGE = MERGE_USING + " WHEN MATCHED THEN UPDATE SET" + MERGE_UPDATE_SET
            + " WHERE " + CHANGED + MERGE_INSERT;

    /** Oracle has no BIGINT: a channel id is NUMBER(19). */
    static final String DAILY = dailyTotals("NUMBER(19)");

    /**
     * The monthly partitions with their upper bound (HIGH_VALUE, a LONG: read as text, first column
     * after the names so the driver streams it in order), gathered row count and segment size.
     */
    static final String PARTITIONS = "SELECT p.table_name, p.partition_name, p.high_value, p.num_rows, s.bytes"
            + " FROM user_tab_partitions p LEFT JOIN user_segments s"
            + " ON s.segment_name = p.table_name AND s.partition_name = p.partition_name"
            + " WHERE p.table_name IN ('INTERVAL_READ', 'INTERVAL_READ_HISTORY')"
            + " ORDER BY p.table_name, p.partition_position";

    /** Drops one month; %1$s the table, %2$s the first instant of the month (UTC, the partitioning key). */
    static final String DROP = "ALTER TABLE %1$s DROP PARTITION FOR (TIMESTAMP '%2$s') UPDATE GLOBAL INDEXES";

    /** An empty table shaped exactly like the partitioned one (Oracle 12.2+), to exchange a month into. */
    static final String ARCHIVE = "CREATE TABLE %3$s FOR EXCHANGE WITH TABLE %1$s";

    /** Swaps the month's segment with the empty archive table: no rows are copied. */
    static final String EXCHANGE = "ALTER TABLE %1$s EXCHANGE PARTITION FOR (TIMESTAMP '%2$s') WITH TABLE %3$s"
            + " WITHOUT VALIDATION UPDATE GLOBAL INDEXES";

    /** The initial range partition below every interval partition (empty; kept as the transition point). */
    private static final String INITIAL = "P_INITIAL";
    private static final Pattern HIGH_VALUE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    public OracleIntervalStore(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected String mergeSql() {
        return MERGE;
    }

    @Override
    protected String dailyTotalsSql() {
        return DAILY;
    }

    @Override
    public RetentionResult applyRetention(Instant cutoff, RetentionMode mode) {
        Instant boundary = monthStart(cutoff);
        LocalDate before = boundary.atOffset(ZoneOffset.UTC).toLocalDate();
        List<String> retired = new ArrayList<>();
        List<String> archives = new ArrayList<>();
        inTransaction(c -> {
            for (StoredMonth month : partitions(c)) {
                if (!month.month().isBefore(before)) {
                    continue;
                }
                String table = month.table();
                String inMonth = month.month().atStartOfDay().toString().replace('T', ' ') + ":00";
                String archive = RetentionMode.archiveName(monthTable(table, YearMonth.from(month.month())));
                try (Statement s = c.createStatement()) {
                    if (mode == RetentionMode.DETACH) {
                        s.execute(ARCHIVE.formatted(table, inMonth, archive));
                        s.execute(EXCHANGE.formatted(table, inMonth, archive));
                        archives.add(archive);
                    }
                    s.execute(DROP.formatted(table, inMonth));
                }
                retired.add(table + " " + month.partition());
            }
            return null;
        });
        return new RetentionResult(boundary, mode, retired, archives, 0);
    }

    @Override
    public List<StoredMonth> storage() {
        return inTransaction(OracleIntervalStore::partitions);
    }

    /** The interval partitions of both tables, by month (the month before each upper bound). */
    private static List<StoredMonth> partitions(Connection c) throws SQLException {
        List<StoredMonth> months = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(PARTITIONS)) {
            while (r.next()) {
                String table = r.getString(1).toLowerCase(Locale.ROOT);
                String partition = r.getString(2);
                Matcher high = HIGH_VALUE.matcher(r.getString(3));
                long rows = r.getLong(4);
                long bytes = r.getLong(5);
                Long size = r.wasNull() ? null : bytes;
                if (!INITIAL.equals(partition) && high.find()) {
                    LocalDate upper = LocalDate.of(Integer.parseInt(high.group(1)), Integer.parseInt(high.group(2)),
                            Integer.parseInt(high.group(3)));
                    months.add(new StoredMonth(table, upper.minusMonths(1), partition, rows, size));
                }
            }
        }
        months.sort(Comparator.comparing(StoredMonth::month).thenComparing(StoredMonth::table));
        return months;
    }
}
