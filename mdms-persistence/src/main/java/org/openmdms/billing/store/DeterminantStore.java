package org.openmdms.billing.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.openmdms.reading.store.JdbcStore;

/**
 * Billing determinants, one row per version ({@code billing_determinant} and its periods): a
 * recalculation supersedes the current version of the usage point and billing period and adds the
 * next; earlier versions stay as the history. Staleness is read from the daily totals: the current
 * determinants of a period are stale when a daily total of one of the usage point's channels in the
 * period changed after they were calculated (a late actual, an edit, an estimate). Writes join the
 * caller's transaction; inserts go in JDBC batches.
 */
public class DeterminantStore extends JdbcStore {

    private static final String COLUMNS = "id, usage_point_id, account_id, period_start, period_end, part_start,"
            + " part_end, schedule_id, schedule_version, version, calculated_at, superseded_at, run_id, reason,"
            + " interval_minutes, demand_window_minutes, delivered_kwh, received_kwh, net_kwh, cpp_kwh,"
            + " expected_intervals, present_intervals, estimated_intervals, edited_intervals, unscheduled_intervals,"
            + " complete, is_final, cost";

    private final String nextId;

    public DeterminantStore(DataSource dataSource, String databaseProduct) {
        super(dataSource);
        String product = databaseProduct.toLowerCase(Locale.ROOT);
        nextId = product.contains("oracle") ? "SELECT billing_determinant_seq.NEXTVAL FROM dual"
                : product.contains("postgres") ? "SELECT nextval('billing_determinant_seq')"
                : "SELECT NEXT VALUE FOR billing_determinant_seq";
    }

    /** The current determinants of a usage point and billing period (one per account part), in time order. */
    public List<DeterminantRow> current(long usagePointId, LocalDate periodStart) {
        return withPeriods(query("SELECT " + COLUMNS + " FROM billing_determinant WHERE usage_point_id = ?"
                + " AND period_start = ? AND superseded_at IS NULL ORDER BY part_start", s -> {
                    s.setLong(1, usagePointId);
                    s.setDate(2, Date.valueOf(periodStart));
                }, DeterminantStore::row));
    }

    /**
     * The current determinants of several usage points for the period starting on this date, by usage
     * point (one query per 500 usage points, their periods with one more).
     */
    public Map<Long, List<DeterminantRow>> current(Collection<Long> usagePointIds, LocalDate periodStart) {
        Map<Long, List<DeterminantRow>> byUsagePoint = new LinkedHashMap<>();
        for (List<Long> part : inLists(usagePointIds)) {
            withPeriods(query("SELECT " + COLUMNS + " FROM billing_determinant WHERE usage_point_id IN ("
                    + marks(part.size()) + ") AND period_start = ? AND superseded_at IS NULL"
                    + " ORDER BY usage_point_id, part_start",
                    s -> s.setDate(bindIds(s, 1, part), Date.valueOf(periodStart)), DeterminantStore::row)).forEach(row -> byUsagePoint.computeIfAbsent(row.usagePointId(),
                            k -> new ArrayList<>()).add(row));
        }
        return byUsagePoint;
    }

    /** Every version of a usage point's determinants, newest period first, then newest version first. */
    public List<DeterminantRow> history(long usagePointId, int limit) {
        return withPeriods(query("SELECT " + COLUMNS + " FROM billing_determinant WHERE usage_point_id = ?"
                + " ORDER BY period_start DESC, version DESC, part_start", s -> s.setLong(1, usagePointId),
                DeterminantStore::row, limit));
    }

    /**
     * The usage points (of those given) whose current determinants for the period starting on this
     * date are stale: a daily total of one of their channels in [periodStart, periodEnd) changed after
     * the calculation.
     */
    public Set<Long> stale(Collection<Long> usagePointIds, LocalDate periodStart, LocalDate periodEnd) {
        Set<Long> stale = new HashSet<>();
        for (List<Long> part : inLists(usagePointIds)) {
            String in = marks(part.size());
            stale.addAll(query("SELECT DISTINCT b.usage_point_id FROM billing_determinant b"
                    + " JOIN channel ch ON ch.usage_point_id = b.usage_point_id"
                    + " JOIN daily_channel_reading d ON d.channel_id = ch.id AND d.local_day >= ? AND d.local_day < ?"
                    + " WHERE b.usage_point_id IN (" + in + ") AND b.period_start = ? AND b.superseded_at IS NULL"
                    + " AND d.updated_at > b.calculated_at", s -> {
                        s.setDate(1, Date.valueOf(periodStart));
                        s.setDate(2, Date.valueOf(periodEnd));
                        s.setDate(bindIds(s, 3, part), Date.valueOf(periodStart));
                    }, r -> r.getLong(1)));
        }
        return stale;
    }

    /** The usage points (of those given) that have current determinants for the period starting on this date. */
    public Set<Long> calculated(Collection<Long> usagePointIds, LocalDate periodStart) {
        Set<Long> found = new HashSet<>();
        for (List<Long> part : inLists(usagePointIds)) {
            found.addAll(query("SELECT DISTINCT usage_point_id FROM billing_determinant WHERE usage_point_id IN ("
                    + marks(part.size()) + ") AND period_start = ? AND superseded_at IS NULL",
                    s -> s.setDate(bindIds(s, 1, part), Date.valueOf(periodStart)), r -> r.getLong(1)));
        }
        return found;
    }

    /**
     * Stores new versions: for each usage point and billing period in the rows, the current versions
     * are superseded at {@code now} and the rows added with the next version number (the {@code id},
     * {@code version} and {@code supersededAt} of the rows given are ignored).
     */
    public void save(List<DeterminantRow> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        inTransaction(c -> {
            Map<List<Object>, Integer> versions = new LinkedHashMap<>();
            for (DeterminantRow row : rows) {
                versions.putIfAbsent(List.of(row.usagePointId(), row.periodStart()), 0);
            }
            // The latest version of each key: one grouped query per billing period start and IN list.
            Map<LocalDate, List<Long>> byStart = new LinkedHashMap<>();
            versions.keySet().forEach(key -> byStart.computeIfAbsent((LocalDate) key.get(1), d -> new ArrayList<>())
                    .add((Long) key.get(0)));
            for (Map.Entry<LocalDate, List<Long>> start : byStart.entrySet()) {
                for (List<Long> part : inLists(start.getValue())) {
                    try (PreparedStatement latest = c.prepareStatement("SELECT usage_point_id, MAX(version)"
                            + " FROM billing_determinant WHERE period_start = ? AND usage_point_id IN ("
                            + marks(part.size()) + ") GROUP BY usage_point_id")) {
                        latest.setDate(1, Date.valueOf(start.getKey()));
                        bindIds(latest, 2, part);
                        try (ResultSet r = latest.executeQuery()) {
                            while (r.next()) {
                                versions.put(List.of(r.getLong(1), start.getKey()), r.getInt(2));
                            }
                        }
                    }
                }
            }
            versions.replaceAll((key, latest) -> latest + 1);
            try (PreparedStatement supersede = c.prepareStatement("UPDATE billing_determinant SET superseded_at = ?"
                    + " WHERE usage_point_id = ? AND period_start = ? AND superseded_at IS NULL")) {
                for (List<Object> key : versions.keySet()) {
                    supersede.setObject(1, utc(now));
                    supersede.setLong(2, (Long) key.get(0));
                    supersede.setDate(3, Date.valueOf((LocalDate) key.get(1)));
                    supersede.addBatch();
                }
                supersede.executeBatch();
            }
            insert(c, rows, versions);
            return null;
        });
    }

    private void insert(Connection c, List<DeterminantRow> rows, Map<List<Object>, Integer> versions)
            throws SQLException {
        String marks = marks(28);
        try (PreparedStatement ids = c.prepareStatement(nextId);
                PreparedStatement insert = c.prepareStatement("INSERT INTO billing_determinant (" + COLUMNS
                        + ") VALUES (" + marks + ")");
                PreparedStatement periods = c.prepareStatement("INSERT INTO billing_determinant_period"
                        + " (determinant_id, period, delivered_kwh, received_kwh, max_kw, max_kw_start, max_kw_end, cost)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            long next = 0;
            long last = -1;
            for (DeterminantRow row : rows) {
                if (next > last) {
                    // The sequence steps by 50: one value reserves the 50 ids from it.
                    try (ResultSet r = ids.executeQuery()) {
                        r.next();
                        next = r.getLong(1);
                        last = next + 49;
                    }
                }
                long id = next++;
                int i = 1;
                insert.setLong(i++, id);
                insert.setLong(i++, row.usagePointId());
                insert.setString(i++, row.accountId());
                insert.setDate(i++, Date.valueOf(row.periodStart()));
                insert.setDate(i++, Date.valueOf(row.periodEnd()));
                insert.setObject(i++, utc(row.partStart()));
                insert.setObject(i++, utc(row.partEnd()));
                insert.setLong(i++, row.tariffId());
                insert.setLong(i++, row.tariffVersion());
                insert.setInt(i++, versions.get(List.of(row.usagePointId(), row.periodStart())));
                insert.setObject(i++, utc(row.calculatedAt()));
                insert.setNull(i++, Types.TIMESTAMP_WITH_TIMEZONE);
                if (row.runId() == null) {
                    insert.setNull(i++, Types.BIGINT);
                } else {
                    insert.setLong(i++, row.runId());
                }
                insert.setString(i++, row.reason());
                insert.setInt(i++, row.intervalMinutes());
                insert.setInt(i++, row.demandWindowMinutes());
                insert.setBigDecimal(i++, row.deliveredKwh());
                insert.setBigDecimal(i++, row.receivedKwh());
                insert.setBigDecimal(i++, row.netKwh());
                insert.setBigDecimal(i++, row.cppKwh());
                insert.setInt(i++, row.expectedIntervals());
                insert.setInt(i++, row.presentIntervals());
                insert.setInt(i++, row.estimatedIntervals());
                insert.setInt(i++, row.editedIntervals());
                insert.setInt(i++, row.unscheduledIntervals());
                insert.setBoolean(i++, row.complete());
                insert.setBoolean(i++, row.isFinal());
                insert.setBigDecimal(i, row.cost());
                insert.addBatch();
                for (DeterminantRow.Period p : row.periods()) {
                    periods.setLong(1, id);
                    periods.setString(2, p.period());
                    periods.setBigDecimal(3, p.deliveredKwh());
                    periods.setBigDecimal(4, p.receivedKwh());
                    periods.setBigDecimal(5, p.maxKw());
                    periods.setObject(6, p.maxKwStart() == null ? null : utc(p.maxKwStart()), Types.TIMESTAMP_WITH_TIMEZONE);
                    periods.setObject(7, p.maxKwEnd() == null ? null : utc(p.maxKwEnd()), Types.TIMESTAMP_WITH_TIMEZONE);
                    periods.setBigDecimal(8, p.cost());
                    periods.addBatch();
                }
            }
            insert.executeBatch();
            periods.executeBatch();
        }
    }

    private static DeterminantRow row(ResultSet r) throws SQLException {
        long run = r.getLong(13);
        Long runId = r.wasNull() ? null : run;
        return new DeterminantRow(r.getLong(1), r.getLong(2), r.getString(3), r.getDate(4).toLocalDate(),
                r.getDate(5).toLocalDate(), instant(r, 6), instant(r, 7), r.getLong(8), r.getLong(9), r.getInt(10),
                instant(r, 11), instant(r, 12), runId, r.getString(14), r.getInt(15), r.getInt(16),
                r.getBigDecimal(17), r.getBigDecimal(18), r.getBigDecimal(19), r.getBigDecimal(20), r.getInt(21),
                r.getInt(22), r.getInt(23), r.getInt(24), r.getInt(25), r.getBoolean(26), r.getBoolean(27),
                r.getBigDecimal(28), List.of());
    }

    /** The rows with their periods, read in one query per 500 rows. */
    private List<DeterminantRow> withPeriods(List<DeterminantRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<DeterminantRow.Period>> byId = new LinkedHashMap<>();
        rows.forEach(row -> byId.put(row.id(), new ArrayList<>()));
        for (List<Long> part : inLists(byId.keySet())) {
            query("SELECT determinant_id, period, delivered_kwh, received_kwh, max_kw, max_kw_start, max_kw_end, cost"
                    + " FROM billing_determinant_period WHERE determinant_id IN (" + marks(part.size())
                    + ") ORDER BY determinant_id, period", s -> bindIds(s, 1, part), r -> byId.get(r.getLong(1)).add(new DeterminantRow.Period(r.getString(2), r.getBigDecimal(3),
                            r.getBigDecimal(4), r.getBigDecimal(5), instant(r, 6), instant(r, 7), r.getBigDecimal(8))));
        }
        return rows.stream().map(row -> new DeterminantRow(row.id(), row.usagePointId(), row.accountId(),
                row.periodStart(), row.periodEnd(), row.partStart(), row.partEnd(), row.tariffId(), row.tariffVersion(),
                row.version(), row.calculatedAt(), row.supersededAt(), row.runId(), row.reason(), row.intervalMinutes(),
                row.demandWindowMinutes(), row.deliveredKwh(), row.receivedKwh(), row.netKwh(), row.cppKwh(),
                row.expectedIntervals(), row.presentIntervals(), row.estimatedIntervals(), row.editedIntervals(),
                row.unscheduledIntervals(), row.complete(), row.isFinal(), row.cost(), byId.get(row.id()))).toList();
    }
}
