package org.openmdms.reading.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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

    /**
     * PostgreSQL: a chunk's days in one statement over two arrays. As a JDBC batch of one insert per
     * channel day (about 200 per chunk), queuing made an import with VEE on measurably slower than
     * without (bench/ingest/vee-cost.sh).
     */
    private static final String INSERT_ARRAYS = "INSERT INTO vee_pending_day (channel_id, local_day, queued_at)"
            + " SELECT u.channel_id, CAST(u.local_day AS DATE), ? FROM unnest(?, ?) AS u (channel_id, local_day)"
            + " ON CONFLICT (channel_id, local_day) DO NOTHING";

    private final String insert;
    private final boolean postgres;

    public PendingDayStore(DataSource dataSource, String databaseProduct) {
        super(dataSource);
        InsertIfAbsent dialect = InsertIfAbsent.of(databaseProduct);
        insert = dialect.sql("vee_pending_day", COLUMNS, TYPES, new String[] {"channel_id", "local_day"});
        postgres = dialect == InsertIfAbsent.POSTGRESQL;
    }

    /** Queues the days of the channels (joins the caller's transaction); a day already queued keeps its place. */
    public void queue(Map<Long, ? extends Collection<LocalDate>> daysByChannel) {
        if (daysByChannel.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        if (postgres) {
            queueAsArrays(daysByChannel, now);
            return;
        }
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

    private void queueAsArrays(Map<Long, ? extends Collection<LocalDate>> daysByChannel, Timestamp now) {
        List<Long> channels = new ArrayList<>();
        List<String> days = new ArrayList<>();
        daysByChannel.forEach((channel, ofChannel) -> ofChannel.forEach(day -> {
            channels.add(channel);
            days.add(day.toString());
        }));
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT_ARRAYS)) {
                s.setTimestamp(1, now);
                s.setArray(2, c.createArrayOf("bigint", channels.toArray()));
                s.setArray(3, c.createArrayOf("text", days.toArray()));
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * The oldest queued days, at most {@code limit}, with the reads each day holds and when its totals
     * were last written (from the daily totals).
     */
    public List<PendingDay> oldest(int limit) {
        return oldest(limit, null);
    }

    /** As {@link #oldest(int)}, only days queued before {@code queuedBefore} (null: all). */
    public List<PendingDay> oldest(int limit, Instant queuedBefore) {
        return query("SELECT p.channel_id, p.local_day, up.code, up.time_zone, ch.interval_minutes, p.queued_at,"
                + " COALESCE(d.read_count, 0), d.updated_at"
                + " FROM vee_pending_day p JOIN channel ch ON ch.id = p.channel_id"
                + " JOIN usage_point up ON up.id = ch.usage_point_id"
                + dailyTotalsJoin()
                + (queuedBefore == null ? "" : " WHERE p.queued_at < ?")
                + " ORDER BY p.queued_at, p.channel_id, p.local_day", s -> {
                    if (queuedBefore != null) {
                        s.setObject(1, utc(queuedBefore));
                    }
                },
                r -> new PendingDay(r.getLong(1), localDate(r, 2), r.getString(3), r.getString(4),
                        r.getInt(5), instant(r, 6), r.getInt(7), instant(r, 8)), limit);
    }

    /**
     * The queued day's daily totals row, if any. On PostgreSQL a lateral lookup by the primary key per
     * queued day: as a plain join the planner hash-joined the whole table, which grows by every channel
     * every day — with 2 000 days queued and 420 000 totals, 70–125 ms against 16–18 ms looked up
     * (psql), and the worker's listing 51 → 17 ms a pass (bench/ingest/vee-cost.sh; docs/performance.md).
     * H2 and Oracle keep the plain join (not measured there).
     */
    private String dailyTotalsJoin() {
        return postgres
                ? " LEFT JOIN LATERAL (SELECT t.read_count, t.updated_at FROM daily_channel_reading t"
                        + " WHERE t.channel_id = p.channel_id AND t.local_day = p.local_day LIMIT 1) d ON TRUE"
                : " LEFT JOIN daily_channel_reading d ON d.channel_id = p.channel_id AND d.local_day = p.local_day";
    }

    /** Removes the judged days that were not queued again after {@code judgedFrom}. */
    public void remove(Collection<PendingDay> days, Instant judgedFrom) {
        if (days.isEmpty()) {
            return;
        }
        if (postgres) {
            removeAsArrays(days, judgedFrom);
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

    /** PostgreSQL: a batch's days in one statement (as {@link #INSERT_ARRAYS}). */
    private void removeAsArrays(Collection<PendingDay> days, Instant judgedFrom) {
        Object[] channels = days.stream().map(PendingDay::channelId).toArray();
        Object[] localDays = days.stream().map(day -> day.day().toString()).toArray();
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM vee_pending_day p"
                    + " USING unnest(?, ?) AS u (channel_id, local_day)"
                    + " WHERE p.channel_id = u.channel_id AND p.local_day = CAST(u.local_day AS DATE) AND p.queued_at <= ?")) {
                s.setArray(1, c.createArrayOf("bigint", channels));
                s.setArray(2, c.createArrayOf("text", localDays));
                s.setObject(3, utc(judgedFrom));
                s.executeUpdate();
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
