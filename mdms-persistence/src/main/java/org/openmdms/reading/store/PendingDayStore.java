package org.openmdms.reading.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The channel days ingest touched that VEE has yet to judge ({@code vee_pending_day}): queued in the
 * writing transaction (a day queued twice stays one entry), listed with their fill for the worker,
 * and removed once judged — unless queued again meanwhile (new reads arrived during the judgement).
 */
public class PendingDayStore extends JdbcStore {

    private static final String[] COLUMNS = {"channel_id", "local_day", "queued_at"};
    private static final String[] TYPES = {"BIGINT", "DATE", "TIMESTAMP WITH TIME ZONE"};

    private final String insert;

    public PendingDayStore(DataSource dataSource, String databaseProduct) {
        super(dataSource);
        insert = InsertIfAbsent.of(databaseProduct).sql("vee_pending_day", COLUMNS, TYPES,
                new String[] {"channel_id", "local_day"});
    }

    /** Queues the days of the channels (joins the caller's transaction); a day already queued keeps its place. */
    public void queue(Map<Long, ? extends Collection<LocalDate>> daysByChannel) {
        if (daysByChannel.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(insert)) {
                for (Map.Entry<Long, ? extends Collection<LocalDate>> channel : daysByChannel.entrySet()) {
                    for (LocalDate day : channel.getValue()) {
                        s.setLong(1, channel.getKey());
                        s.setDate(2, Date.valueOf(day));
                        s.setTimestamp(3, now);
                        s.addBatch();
                    }
                }
                s.executeBatch();
            }
            return null;
        });
    }

    /** The oldest queued days, at most {@code limit}, with the reads each day holds (from the daily totals). */
    public List<PendingDay> oldest(int limit) {
        return query("SELECT p.channel_id, p.local_day, up.code, up.time_zone, ch.interval_minutes, p.queued_at,"
                + " COALESCE(d.read_count, 0)"
                + " FROM vee_pending_day p JOIN channel ch ON ch.id = p.channel_id"
                + " JOIN usage_point up ON up.id = ch.usage_point_id"
                + " LEFT JOIN daily_channel_reading d ON d.channel_id = p.channel_id AND d.local_day = p.local_day"
                + " ORDER BY p.queued_at, p.channel_id, p.local_day", s -> { },
                r -> new PendingDay(r.getLong(1), localDate(r, 2), r.getString(3), r.getString(4),
                        r.getInt(5), instant(r, 6), r.getInt(7)), limit);
    }

    /** Removes the judged days that were not queued again after {@code judgedFrom}. */
    public void remove(Collection<PendingDay> days, Instant judgedFrom) {
        if (days.isEmpty()) {
            return;
        }
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM vee_pending_day WHERE channel_id = ? AND local_day = ? AND queued_at <= ?")) {
                for (PendingDay day : days) {
                    s.setLong(1, day.channelId());
                    s.setDate(2, Date.valueOf(day.day()));
                    s.setObject(3, utc(judgedFrom));
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    /** Whether an import is running: its days may be incomplete only because the rest is still on its way. */
    public boolean importsRunning() {
        return query("SELECT COUNT(*) FROM reading_import WHERE status = 'RUNNING'", s -> { }, r -> r.getLong(1))
                .get(0) > 0;
    }

    /** How many days wait: the VEE backlog. */
    public long count() {
        return query("SELECT COUNT(*) FROM vee_pending_day", s -> { }, r -> r.getLong(1)).get(0);
    }
}
