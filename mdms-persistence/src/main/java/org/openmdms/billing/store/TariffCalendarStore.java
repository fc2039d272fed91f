package org.openmdms.billing.store;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.openmdms.reading.store.JdbcStore;

/**
 * The published periods of a CALENDAR tariff, one row per interval start ({@code tou_calendar_interval}):
 * replaced in bulk (JDBC batches), read for a span.
 */
public class TariffCalendarStore extends JdbcStore {

    public TariffCalendarStore(DataSource dataSource) {
        super(dataSource);
    }

    /** Writes the periods of the given interval starts, replacing any published for the same span. */
    public int publish(long tariffId, NavigableMap<Instant, String> periods) {
        if (periods.isEmpty()) {
            return 0;
        }
        return inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM tou_calendar_interval WHERE schedule_id = ?"
                    + " AND interval_start >= ? AND interval_start <= ?")) {
                delete.setLong(1, tariffId);
                delete.setObject(2, utc(periods.firstKey()));
                delete.setObject(3, utc(periods.lastKey()));
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO tou_calendar_interval (schedule_id, interval_start, period) VALUES (?, ?, ?)")) {
                int n = 0;
                for (Map.Entry<Instant, String> period : periods.entrySet()) {
                    insert.setLong(1, tariffId);
                    insert.setObject(2, utc(period.getKey()));
                    insert.setString(3, period.getValue());
                    insert.addBatch();
                    if (++n % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            return periods.size();
        });
    }

    /** The periods of interval starts in [from, to), by start. */
    public NavigableMap<Instant, String> periods(long tariffId, Instant from, Instant to) {
        NavigableMap<Instant, String> periods = new TreeMap<>();
        query("SELECT interval_start, period FROM tou_calendar_interval WHERE schedule_id = ? AND interval_start >= ?"
                + " AND interval_start < ?", s -> {
                    s.setLong(1, tariffId);
                    s.setObject(2, utc(from));
                    s.setObject(3, utc(to));
                }, (ResultSet r) -> periods.put(instant(r, 1), r.getString(2)));
        return periods;
    }

    /** What a calendar tariff has published: its first and last interval start and how many; all null/0 when none. */
    public record Extent(Instant first, Instant last, long intervals) implements Serializable {
    }

    public Extent extent(long tariffId) {
        return query("SELECT MIN(interval_start), MAX(interval_start), COUNT(*) FROM tou_calendar_interval"
                + " WHERE schedule_id = ?", s -> s.setLong(1, tariffId),
                r -> new Extent(instant(r, 1), instant(r, 2), r.getLong(3))).get(0);
    }
}
