package org.openmdms.report.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.openmdms.reading.store.JdbcStore;

/**
 * The rows behind the auditors' and analysts' reports, streamed from the database (fetches of 5 000
 * rows) to a consumer, never held in memory as a list: VEE exceptions, the audit trail, data
 * completeness from the daily totals, and billing determinants.
 */
public class ReportStore extends JdbcStore {

    /** Receives one row of a report query. */
    @FunctionalInterface
    public interface Rows {
        void row(ResultSet row) throws SQLException;
    }

    public ReportStore(DataSource dataSource) {
        super(dataSource);
    }

    /** VEE exceptions of local days [from, to), by day, usage point and rule. */
    public void exceptions(LocalDate from, LocalDate to, Rows rows) {
        stream("SELECT e.local_day, up.code, up.feeder, e.rule_id, e.severity, e.status, e.first_end, e.last_end,"
                + " e.found_value, e.limit_value, e.message, e.assignee, e.raised_at, e.updated_at, e.updated_by, e.note"
                + " FROM vee_exception e JOIN usage_point up ON up.id = e.usage_point_id"
                + " WHERE e.local_day >= ? AND e.local_day < ? ORDER BY e.local_day, up.code, e.rule_id, e.first_end",
                from, to, rows);
    }

    /** Audit entries recorded in [from, to) of the given subject types (none: all), oldest first. */
    public void audit(Instant from, Instant to, String actionPrefix, String[] subjectTypes, Rows rows) {
        StringBuilder sql = new StringBuilder("SELECT recorded_at, actor, action, subject_type, subject_key, before_state,"
                + " after_state FROM audit_entry WHERE recorded_at >= ? AND recorded_at < ?");
        if (actionPrefix != null) {
            sql.append(" AND action LIKE ?");
        }
        if (subjectTypes.length > 0) {
            sql.append(" AND subject_type IN (").append(marks(subjectTypes.length)).append(')');
        }
        sql.append(" ORDER BY recorded_at, id");
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                int i = 1;
                s.setObject(i++, utc(from));
                s.setObject(i++, utc(to));
                if (actionPrefix != null) {
                    s.setString(i++, actionPrefix + "%");
                }
                for (String type : subjectTypes) {
                    s.setString(i++, type);
                }
                each(s, rows);
            }
            return null;
        });
    }

    /** Daily totals of local days [from, to) for every interval channel, by usage point, channel and day. */
    public void completeness(LocalDate from, LocalDate to, Rows rows) {
        stream("SELECT up.code, up.time_zone, ch.id, ch.unit, ch.interval_minutes, ch.flow_direction, d.local_day,"
                + " d.read_count, d.estimated_count, d.edited_count, d.total"
                + " FROM daily_channel_reading d JOIN channel ch ON ch.id = d.channel_id"
                + " JOIN usage_point up ON up.id = ch.usage_point_id"
                + " WHERE d.local_day >= ? AND d.local_day < ? ORDER BY up.code, ch.id, d.local_day", from, to, rows);
    }

    /** Current determinants of the usage points of a cycle for the period starting on this date, one row per TOU period. */
    public void determinants(long cycleId, LocalDate periodStart, Rows rows) {
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT up.code, b.account_id, b.period_start, b.period_end,"
                    + " t.code, b.version, b.calculated_at, b.reason, b.delivered_kwh, b.received_kwh, b.net_kwh,"
                    + " b.cpp_kwh, b.expected_intervals, b.present_intervals, b.estimated_intervals, b.edited_intervals,"
                    + " b.is_final, b.cost, p.period, p.delivered_kwh, p.received_kwh, p.max_kw, p.max_kw_end, p.cost"
                    + " FROM billing_determinant b JOIN usage_point up ON up.id = b.usage_point_id"
                    + " JOIN tou_schedule t ON t.id = b.schedule_id"
                    + " LEFT JOIN billing_determinant_period p ON p.determinant_id = b.id"
                    + " WHERE up.billing_cycle_id = ? AND b.period_start = ? AND b.superseded_at IS NULL"
                    + " ORDER BY up.code, b.part_start, p.period")) {
                s.setLong(1, cycleId);
                s.setDate(2, Date.valueOf(periodStart));
                each(s, rows);
            }
            return null;
        });
    }

    /**
     * Every determinant version calculated in [from, to), one row per TOU period, in usage point,
     * period, account part and version order; column 25 says whether a version of the same usage point
     * and period was calculated before {@code from} (then this one corrects what was sent).
     */
    public void determinantsCalculated(Instant from, Instant to, Rows rows) {
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT up.code, b.account_id, b.period_start, b.period_end,"
                    + " t.code, b.version, b.part_start, b.delivered_kwh, b.received_kwh, b.net_kwh, b.cpp_kwh,"
                    + " b.expected_intervals, b.present_intervals, b.estimated_intervals, b.edited_intervals, b.is_final,"
                    + " b.cost, p.period, p.delivered_kwh, p.max_kw, p.max_kw_end, p.cost, b.id, b.usage_point_id,"
                    + " CASE WHEN EXISTS (SELECT 1 FROM billing_determinant e WHERE e.usage_point_id = b.usage_point_id"
                    + " AND e.period_start = b.period_start AND e.calculated_at < ?) THEN 1 ELSE 0 END"
                    + " FROM billing_determinant b JOIN usage_point up ON up.id = b.usage_point_id"
                    + " JOIN tou_schedule t ON t.id = b.schedule_id"
                    + " LEFT JOIN billing_determinant_period p ON p.determinant_id = b.id"
                    + " WHERE b.calculated_at >= ? AND b.calculated_at < ?"
                    + " ORDER BY up.code, b.period_start, b.part_start, b.version, p.period")) {
                s.setObject(1, utc(from));
                s.setObject(2, utc(from));
                s.setObject(3, utc(to));
                each(s, rows);
            }
            return null;
        });
    }

    private void stream(String sql, LocalDate from, LocalDate to, Rows rows) {
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setDate(1, Date.valueOf(from));
                s.setDate(2, Date.valueOf(to));
                each(s, rows);
            }
            return null;
        });
    }

    private static void each(PreparedStatement s, Rows rows) throws SQLException {
        s.setFetchSize(5_000);
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.row(r);
            }
        }
    }

    /** An instant column (TIMESTAMP WITH TIME ZONE), or null. */
    public static Instant instantAt(ResultSet r, int column) throws SQLException {
        return instant(r, column);
    }
}
