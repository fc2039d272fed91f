package org.openmdms.operations.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.openmdms.reading.store.JdbcStore;

/**
 * The figures operators watch (docs/operations.md, "Monitoring"), each one aggregate query over a
 * small table or an index: imports and their counts, import lag, the VEE backlog and open
 * exceptions, job runs, outage detection's queue and undelivered notices.
 */
public class OperationsStore extends JdbcStore {

    public OperationsStore(DataSource dataSource) {
        super(dataSource);
    }

    /** Answers within a few seconds, or throws: the database is reachable and answers queries. */
    public long ping() {
        long started = System.nanoTime();
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM usage_point WHERE id = -1")) {
                s.setQueryTimeout(5);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                }
            }
            return null;
        });
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Counters and gauges by metric name (Prometheus style, without the labels' braces: see the callers). */
    public Map<String, Number> figures(Instant now) {
        Map<String, Number> figures = new LinkedHashMap<>();
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT status, COUNT(*), COALESCE(SUM(received), 0),"
                    + " COALESCE(SUM(stored), 0), COALESCE(SUM(duplicates), 0), COALESCE(SUM(rejected), 0),"
                    + " MIN(started_at) FROM reading_import GROUP BY status ORDER BY status");
                    ResultSet r = s.executeQuery()) {
                long received = 0;
                long stored = 0;
                long duplicates = 0;
                long rejected = 0;
                for (String status : new String[] {"RUNNING", "COMPLETED", "FAILED"}) {
                    figures.put("mdms_imports{status=\"" + status + "\"}", 0L);
                }
                figures.put("mdms_import_oldest_running_seconds", 0L);
                while (r.next()) {
                    figures.put("mdms_imports{status=\"" + r.getString(1) + "\"}", r.getLong(2));
                    received += r.getLong(3);
                    stored += r.getLong(4);
                    duplicates += r.getLong(5);
                    rejected += r.getLong(6);
                    if ("RUNNING".equals(r.getString(1)) && instant(r, 7) != null) {
                        figures.put("mdms_import_oldest_running_seconds",
                                Math.max(0, now.getEpochSecond() - instant(r, 7).getEpochSecond()));
                    }
                }
                figures.put("mdms_records_received_total", received);
                figures.put("mdms_records_stored_total", stored);
                figures.put("mdms_records_duplicate_total", duplicates);
                figures.put("mdms_records_rejected_total", rejected);
            }
            figures.put("mdms_import_last_finished_age_seconds", age(c, now,
                    "SELECT MAX(finished_at) FROM reading_import WHERE status = 'COMPLETED'"));
            figures.put("mdms_vee_pending_channel_days", count(c, "SELECT COUNT(*) FROM vee_pending_day"));
            figures.put("mdms_vee_oldest_pending_seconds", age(c, now, "SELECT MIN(queued_at) FROM vee_pending_day"));
            for (String severity : new String[] {"INFO", "WARNING", "ERROR"}) {
                figures.put("mdms_vee_exceptions_open{severity=\"" + severity + "\"}", 0L);
            }
            try (PreparedStatement s = c.prepareStatement("SELECT severity, COUNT(*) FROM vee_exception"
                    + " WHERE status <> 'RESOLVED' GROUP BY severity"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    figures.put("mdms_vee_exceptions_open{severity=\"" + r.getString(1) + "\"}", r.getLong(2));
                }
            }
            for (String status : new String[] {"RUNNING", "SUCCEEDED", "FAILED"}) {
                figures.put("mdms_job_runs_24h{status=\"" + status + "\"}", 0L);
            }
            try (PreparedStatement s = c.prepareStatement("SELECT status, COUNT(*) FROM job_run WHERE started_at >= ?"
                    + " GROUP BY status")) {
                s.setObject(1, utc(now.minusSeconds(86_400)));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        figures.put("mdms_job_runs_24h{status=\"" + r.getString(1) + "\"}", r.getLong(2));
                    }
                }
            }
            figures.put("mdms_outages_active", count(c, "SELECT COUNT(*) FROM outage WHERE state <> 'RESTORED'"));
            figures.put("mdms_power_events_queued", count(c, "SELECT COUNT(*) FROM power_event_queue"));
            figures.put("mdms_outage_notices_undelivered", count(c,
                    "SELECT COUNT(*) FROM outage_notice WHERE next_attempt_at IS NOT NULL"));
            figures.put("mdms_outage_notices_failed", count(c,
                    "SELECT COUNT(*) FROM outage_notice WHERE webhook_status = 'FAILED'"));
            return null;
        });
        return figures;
    }

    private static long count(Connection c, String sql) throws java.sql.SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Seconds since the instant the query answers; -1 when it answers none. */
    private static long age(Connection c, Instant now, String sql) throws java.sql.SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            Instant at = instant(r, 1);
            return at == null ? -1 : Math.max(0, now.getEpochSecond() - at.getEpochSecond());
        }
    }
}
