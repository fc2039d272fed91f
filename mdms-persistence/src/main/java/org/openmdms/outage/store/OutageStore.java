package org.openmdms.outage.store;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.openmdms.reading.store.JdbcStore;

/**
 * Outage detection's tables (sql/common/V15__outages.sql): the policy, the queue of power events,
 * power states, interruptions, outages with their meters, and notices. Work joins the caller's
 * transaction. Detection holds the policy row's lock ({@link #lockDetection}) for its transaction, so
 * one node of a cluster detects at a time. Writes are JDBC batches: update, then insert what was not
 * there — the same SQL on PostgreSQL, H2 and Oracle. Only electric usage points are on the grid.
 */
public class OutageStore extends JdbcStore {

    private static final String OUTAGE_COLUMNS = "o.id, o.outage_level, o.feeder, o.transformer, o.state,"
            + " o.started_at, o.detected_at, o.restored_at, o.updated_at, o.meters_served, o.meters_affected,"
            + " o.meters_out, o.parent_id, o.closed_by, o.version";
    private static final String ELECTRIC = "up.commodity = 'ELECTRIC'";
    /** {@link #powerOf}, up to the condition on the usage point ids. */
    private static final String POWER_OF = "SELECT up.id, up.feeder, up.transformer, p.state, p.off_at,"
            + " p.last_event_at, p.outage_id FROM usage_point up LEFT JOIN usage_point_power p"
            + " ON p.usage_point_id = up.id WHERE " + ELECTRIC + " AND up.id ";

    /** The increment of {@code outage_seq} (V15). */
    static final int ID_BLOCK = 50;

    private final String nextOutageId;
    private final String insertNotice;
    /** PostgreSQL writes each table's rows with one statement over arrays ({@code unnest}). */
    private final boolean postgres;

    public OutageStore(DataSource dataSource, String databaseProduct) {
        super(dataSource);
        String product = databaseProduct.toLowerCase(Locale.ROOT);
        nextOutageId = nextValue(product, "outage_seq");
        postgres = product.contains("postgres");
        insertNotice = "INSERT INTO outage_notice (id, outage_id, outage_version, kind, payload, created_at,"
                + " webhook_status, attempts, next_attempt_at) VALUES (" + nextValueExpression(product, "outage_notice_seq")
                + ", ?, ?, ?, ?, ?, ?, 0, ?)";
    }

    private static String nextValueExpression(String product, String sequence) {
        return product.contains("oracle") ? sequence + ".NEXTVAL"
                : product.contains("postgres") ? "nextval('" + sequence + "')"
                : "NEXT VALUE FOR " + sequence;
    }

    private static String nextValue(String product, String sequence) {
        return product.contains("oracle") ? "SELECT " + sequence + ".NEXTVAL FROM dual"
                : product.contains("postgres") ? "SELECT nextval('" + sequence + "')"
                : "SELECT NEXT VALUE FOR " + sequence;
    }

    // --- policy -------------------------------------------------------------------------------

    public OutageRows.Policy policy() {
        return query("SELECT transformer_share, transformer_min_meters, feeder_share, feeder_min_meters,"
                + " window_seconds, momentary_seconds, webhook_url, updated_by, updated_at FROM outage_policy"
                + " WHERE id = 1", s -> { }, r -> new OutageRows.Policy(r.getBigDecimal(1), r.getInt(2),
                        r.getBigDecimal(3), r.getInt(4), r.getInt(5), r.getInt(6), r.getString(7), r.getString(8),
                        instant(r, 9))).get(0);
    }

    public void updatePolicy(OutageRows.Policy policy) {
        inTransaction(c -> {
            update(c, "UPDATE outage_policy SET transformer_share = ?, transformer_min_meters = ?, feeder_share = ?,"
                    + " feeder_min_meters = ?, window_seconds = ?, momentary_seconds = ?, webhook_url = ?,"
                    + " updated_by = ?, updated_at = ? WHERE id = 1", policy.transformerShare(),
                    policy.transformerMinMeters(), policy.feederShare(), policy.feederMinMeters(),
                    policy.windowSeconds(), policy.momentarySeconds(), policy.webhookUrl(), policy.updatedBy(),
                    utc(policy.updatedAt()));
            return null;
        });
    }

    /**
     * Locks the policy row until the caller's transaction ends: one detection at a time in a cluster.
     * Answers the detection generation ({@link #advanceGeneration}) found under the lock.
     */
    public long lockDetection() {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT detection_generation FROM outage_policy WHERE id = 1 FOR UPDATE");
                    ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    /**
     * Counts one more change by outage detection (under {@link #lockDetection}, in the same
     * transaction); answers the new generation. A node that kept its picture of the grid from a
     * step knows from it whether another node (or an operator's close) changed the tables since.
     */
    public long advanceGeneration(long locked) {
        inTransaction(c -> {
            update(c, "UPDATE outage_policy SET detection_generation = ? WHERE id = 1", locked + 1);
            return null;
        });
        return locked + 1;
    }

    // --- the queue ----------------------------------------------------------------------------

    /** The oldest queued power events, at most {@code limit}. */
    public List<OutageRows.QueuedEvent> queued(int limit) {
        return query("SELECT usage_point_id, occurred_at, event_type FROM power_event_queue ORDER BY occurred_at",
                s -> { }, r -> new OutageRows.QueuedEvent(r.getLong(1), instant(r, 2), r.getString(3)), limit);
    }

    /**
     * Takes the oldest queued power events, at most {@code limit}, out of the queue, in time order:
     * in the caller's transaction, so a rollback puts them back. On PostgreSQL one statement deletes
     * and returns the {@code limit} oldest (by time, then key): a scan of the queue against the key of
     * the last of them, whatever the planner thinks of the queue's size — a delete by an array of
     * 50 000 row ids became a scan testing every row against the whole array when the statistics said
     * the queue was empty (8–11 s per step in bench/outage at full volume). When fewer are queued, a
     * second statement takes them all.
     */
    public List<OutageRows.QueuedEvent> take(int limit) {
        if (!postgres) {
            List<OutageRows.QueuedEvent> events = queued(limit);
            dequeue(events);
            return events;
        }
        String returning = " RETURNING usage_point_id, occurred_at, event_type";
        RowMapper<OutageRows.QueuedEvent> event = r -> new OutageRows.QueuedEvent(r.getLong(1), instant(r, 2),
                r.getString(3));
        List<OutageRows.QueuedEvent> events = new ArrayList<>(query("DELETE FROM power_event_queue"
                + " WHERE (occurred_at, usage_point_id, event_type) <= (SELECT occurred_at, usage_point_id, event_type"
                + " FROM power_event_queue ORDER BY occurred_at, usage_point_id, event_type OFFSET ? LIMIT 1)" + returning,
                s -> s.setInt(1, limit - 1), event));
        if (events.isEmpty()) {
            events.addAll(query("DELETE FROM power_event_queue" + returning, s -> { }, event));
        }
        events.sort(java.util.Comparator.comparing(OutageRows.QueuedEvent::occurredAt));
        return events;
    }

    public long queueLength() {
        return query("SELECT COUNT(*) FROM power_event_queue", s -> { }, r -> r.getLong(1)).get(0);
    }

    public void dequeue(List<OutageRows.QueuedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        if (postgres) {
            inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM power_event_queue q"
                        + " USING unnest(?::bigint[], ?::bigint[], ?::text[]) AS d(u, o, t)"
                        + " WHERE q.usage_point_id = d.u AND q.occurred_at = " + at("d.o") + " AND q.event_type = d.t")) {
                    s.setArray(1, longs(c, events.stream().map(OutageRows.QueuedEvent::usagePointId)));
                    s.setArray(2, instants(c, events.stream().map(OutageRows.QueuedEvent::occurredAt)));
                    s.setArray(3, texts(c, events.stream().map(OutageRows.QueuedEvent::type)));
                    s.executeUpdate();
                }
                return null;
            });
            return;
        }
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM power_event_queue"
                    + " WHERE usage_point_id = ? AND occurred_at = ? AND event_type = ?")) {
                for (OutageRows.QueuedEvent event : events) {
                    s.setLong(1, event.usagePointId());
                    s.setObject(2, utc(event.occurredAt()));
                    s.setString(3, event.type());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    /** Usage points whose last gasp is no later than {@code before} and still pending, at most {@code limit}. */
    public List<Long> pendingSince(Instant before, int limit) {
        return query("SELECT usage_point_id FROM usage_point_power WHERE state = 'PENDING' AND off_at <= ?"
                + " ORDER BY off_at", s -> s.setObject(1, utc(before)), r -> r.getLong(1), limit);
    }

    // --- the picture detection works on -------------------------------------------------------

    /**
     * The electric usage points among {@code usagePointIds} with their power, and every usage point
     * on their feeders that is not on.
     */
    public List<OutageRows.Power> power(Collection<Long> usagePointIds) {
        List<OutageRows.Power> rows = powerOf(usagePointIds);
        Set<String> feeders = new HashSet<>();
        rows.forEach(r -> {
            if (r.feeder() != null) {
                feeders.add(r.feeder());
            }
        });
        Set<Long> seen = new HashSet<>(usagePointIds);
        for (OutageRows.Power row : notOn(feeders)) {
            if (seen.add(row.usagePointId())) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** The electric usage points among {@code usagePointIds} with their power (ON when they never reported). */
    public List<OutageRows.Power> powerOf(Collection<Long> usagePointIds) {
        if (postgres && !usagePointIds.isEmpty()) {
            // One query with the ids as an array: a storm's step names 50 000 usage points (50 lists of 1 000).
            return query(POWER_OF + "= ANY(?)", s -> s.setArray(1,
                            s.getConnection().createArrayOf("bigint", usagePointIds.toArray())), OutageStore::power);
        }
        List<OutageRows.Power> rows = new ArrayList<>();
        for (List<Long> part : inLists(usagePointIds)) {
            rows.addAll(query(POWER_OF + "IN (" + marks(part.size()) + ")",
                    s -> bindIds(s, 1, part), OutageStore::power));
        }
        return rows;
    }

    /** Every electric usage point on the feeders that is not on, with its power. */
    public List<OutageRows.Power> notOn(Collection<String> feeders) {
        List<OutageRows.Power> rows = new ArrayList<>();
        for (List<String> part : inLists(feeders)) {
            rows.addAll(query("SELECT up.id, up.feeder, up.transformer, p.state, p.off_at,"
                    + " p.last_event_at, p.outage_id FROM usage_point_power p JOIN usage_point up"
                    + " ON up.id = p.usage_point_id WHERE p.state <> 'ON' AND " + ELECTRIC
                    + " AND up.feeder IN (" + marks(part.size()) + ")", s -> bindStrings(s, 1, part),
                    OutageStore::power));
        }
        return rows;
    }

    private static OutageRows.Power power(ResultSet r) throws SQLException {
        long outage = r.getLong(7);
        Long outageId = r.wasNull() ? null : outage;
        return new OutageRows.Power(r.getLong(1), r.getString(2), r.getString(3),
                r.getString(4) == null ? "ON" : r.getString(4), instant(r, 5), instant(r, 6), outageId);
    }

    /** Electric usage points per transformer of the feeders (key: feeder + '/' + transformer) and per feeder (key: feeder). */
    public Map<String, Integer> served(Collection<String> feeders) {
        Map<String, Integer> served = new HashMap<>();
        for (List<String> part : inLists(feeders)) {
            query("SELECT up.feeder, up.transformer, COUNT(*) FROM usage_point up WHERE " + ELECTRIC
                    + " AND up.feeder IN (" + marks(part.size()) + ") GROUP BY up.feeder, up.transformer",
                    s -> bindStrings(s, 1, part), r -> {
                        int count = r.getInt(3);
                        served.merge(r.getString(1), count, Integer::sum);
                        if (r.getString(2) != null) {
                            served.merge(r.getString(1) + "/" + r.getString(2), count, Integer::sum);
                        }
                        return null;
                    });
        }
        return served;
    }

    /** The outages not yet restored on the feeders, with their members. */
    public List<OutageRows.Outage> activeOn(Collection<String> feeders) {
        List<OutageRows.Outage> rows = new ArrayList<>();
        for (List<String> part : inLists(feeders)) {
            rows.addAll(query("SELECT " + OUTAGE_COLUMNS + " FROM outage o WHERE o.state <> 'RESTORED'"
                    + " AND o.feeder IN (" + marks(part.size()) + ") ORDER BY o.id", s -> bindStrings(s, 1, part),
                    OutageStore::outage));
        }
        return rows;
    }

    public List<OutageRows.Member> members(Collection<Long> outageIds) {
        List<OutageRows.Member> rows = new ArrayList<>();
        for (List<Long> part : inLists(outageIds)) {
            rows.addAll(query("SELECT outage_id, usage_point_id, off_at, on_at FROM outage_meter WHERE outage_id IN ("
                    + marks(part.size()) + ") ORDER BY outage_id, off_at, usage_point_id", s -> bindIds(s, 1, part),
                    r -> new OutageRows.Member(r.getLong(1), r.getLong(2), instant(r, 3), instant(r, 4))));
        }
        return rows;
    }

    // --- writing what detection changed -------------------------------------------------------

    /**
     * {@code count} new outage ids. {@code outage_seq} steps by {@value #ID_BLOCK} (V15): each value it
     * hands out reserves itself and the {@value #ID_BLOCK} - 1 numbers after it, so a storm's thousands
     * of new outages cost one round trip per {@value #ID_BLOCK}, not one each.
     */
    public List<Long> nextOutageIds(int count) {
        List<Long> ids = new ArrayList<>(count);
        while (ids.size() < count) {
            long first = query(nextOutageId, s -> { }, r -> r.getLong(1)).get(0);
            for (long id = first; id < first + ID_BLOCK && ids.size() < count; id++) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static final String INSERT_POWER = "INSERT INTO usage_point_power (usage_point_id, state, off_at,"
            + " last_event_at, outage_id, updated_at) SELECT u, s, " + at("o") + ", " + at("l") + ", x, ?::timestamptz"
            + " FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[]) AS t(u, s, o, l, x)";

    /** Writes the power states: new rows and changed ones alike. */
    public void savePower(List<OutageRows.Power> rows, Instant now) {
        if (postgres) {
            pgPower(rows, INSERT_POWER + " ON CONFLICT (usage_point_id) DO UPDATE SET state = EXCLUDED.state,"
                    + " off_at = EXCLUDED.off_at, last_event_at = EXCLUDED.last_event_at,"
                    + " outage_id = EXCLUDED.outage_id, updated_at = EXCLUDED.updated_at", now);
            return;
        }
        upsert("UPDATE usage_point_power SET state = ?, off_at = ?, last_event_at = ?, outage_id = ?, updated_at = ?"
                + " WHERE usage_point_id = ?",
                "INSERT INTO usage_point_power (state, off_at, last_event_at, outage_id, updated_at, usage_point_id)"
                + " VALUES (?, ?, ?, ?, ?, ?)", rows, (s, row) -> {
                    s.setString(1, row.state());
                    setInstant(s, 2, row.offAt());
                    setInstant(s, 3, row.lastEventAt());
                    setLong(s, 4, row.outageId());
                    s.setObject(5, utc(now));
                    s.setLong(6, row.usagePointId());
                });
    }

    /**
     * Writes the power states of usage points that have none yet ({@code added}, inserted) and of
     * those that have one ({@code changed}, updated): the detector knows which from what it read, and
     * on PostgreSQL a plain insert of a storm's 50 000 new rows costs less than an insert that must
     * look for a conflict first. A row {@code added} that exists after all fails the write.
     */
    public void savePower(List<OutageRows.Power> added, List<OutageRows.Power> changed, Instant now) {
        if (!postgres) {
            List<OutageRows.Power> all = new ArrayList<>(added);
            all.addAll(changed);
            savePower(all, now);
            return;
        }
        pgPower(added, INSERT_POWER, now);
        pgPower(changed, "UPDATE usage_point_power p SET state = t.s, off_at = " + at("t.o") + ", last_event_at = "
                + at("t.l") + ", outage_id = t.x, updated_at = ?::timestamptz FROM unnest(?::bigint[], ?::text[],"
                + " ?::bigint[], ?::bigint[], ?::bigint[]) AS t(u, s, o, l, x) WHERE p.usage_point_id = t.u", now);
    }

    private void pgPower(List<OutageRows.Power> rows, String sql, Instant now) {
        pgWrite(rows, sql, (c, s) -> {
            s.setObject(1, utc(now));
            s.setArray(2, longs(c, rows.stream().map(OutageRows.Power::usagePointId)));
            s.setArray(3, texts(c, rows.stream().map(OutageRows.Power::state)));
            s.setArray(4, instants(c, rows.stream().map(OutageRows.Power::offAt)));
            s.setArray(5, instants(c, rows.stream().map(OutageRows.Power::lastEventAt)));
            s.setArray(6, longs(c, rows.stream().map(OutageRows.Power::outageId)));
        });
    }

    public void saveInterruptions(List<OutageRows.Interruption> rows) {
        if (postgres) {
            pgWrite(rows, "INSERT INTO power_interruption (usage_point_id, off_at, on_at, kind)"
                    + " SELECT u, " + at("o") + ", " + at("n") + ", k"
                    + " FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::text[]) AS t(u, o, n, k)"
                    + " ON CONFLICT (usage_point_id, off_at) DO UPDATE SET on_at = EXCLUDED.on_at, kind = EXCLUDED.kind",
                    (c, s) -> {
                        s.setArray(1, longs(c, rows.stream().map(OutageRows.Interruption::usagePointId)));
                        s.setArray(2, instants(c, rows.stream().map(OutageRows.Interruption::offAt)));
                        s.setArray(3, instants(c, rows.stream().map(OutageRows.Interruption::onAt)));
                        s.setArray(4, texts(c, rows.stream().map(r -> r.momentary() ? "MOMENTARY" : "SUSTAINED")));
                    });
            return;
        }
        upsert("UPDATE power_interruption SET on_at = ?, kind = ? WHERE usage_point_id = ? AND off_at = ?",
                "INSERT INTO power_interruption (on_at, kind, usage_point_id, off_at) VALUES (?, ?, ?, ?)", rows,
                (s, row) -> {
                    setInstant(s, 1, row.onAt());
                    s.setString(2, row.momentary() ? "MOMENTARY" : "SUSTAINED");
                    s.setLong(3, row.usagePointId());
                    s.setObject(4, utc(row.offAt()));
                });
    }

    public void saveOutages(List<OutageRows.Outage> rows) {
        if (postgres) {
            pgWrite(rows, "INSERT INTO outage (id, outage_level, feeder, transformer, state, started_at, detected_at,"
                    + " restored_at, updated_at, meters_served, meters_affected, meters_out, parent_id, closed_by, version)"
                    + " SELECT i, l, f, t, s, " + at("b") + ", " + at("d") + ", " + at("r") + ", " + at("u")
                    + ", ms, ma, mo, p, c, v FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],"
                    + " ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::int[], ?::int[], ?::int[], ?::bigint[],"
                    + " ?::text[], ?::int[]) AS x(i, l, f, t, s, b, d, r, u, ms, ma, mo, p, c, v) ON CONFLICT (id) DO UPDATE SET outage_level = EXCLUDED.outage_level,"
                    + " feeder = EXCLUDED.feeder, transformer = EXCLUDED.transformer, state = EXCLUDED.state,"
                    + " started_at = EXCLUDED.started_at, detected_at = EXCLUDED.detected_at,"
                    + " restored_at = EXCLUDED.restored_at, updated_at = EXCLUDED.updated_at,"
                    + " meters_served = EXCLUDED.meters_served, meters_affected = EXCLUDED.meters_affected,"
                    + " meters_out = EXCLUDED.meters_out, parent_id = EXCLUDED.parent_id,"
                    + " closed_by = EXCLUDED.closed_by, version = EXCLUDED.version", (c, s) -> {
                        s.setArray(1, longs(c, rows.stream().map(OutageRows.Outage::id)));
                        s.setArray(2, texts(c, rows.stream().map(OutageRows.Outage::level)));
                        s.setArray(3, texts(c, rows.stream().map(OutageRows.Outage::feeder)));
                        s.setArray(4, texts(c, rows.stream().map(OutageRows.Outage::transformer)));
                        s.setArray(5, texts(c, rows.stream().map(OutageRows.Outage::state)));
                        s.setArray(6, instants(c, rows.stream().map(OutageRows.Outage::startedAt)));
                        s.setArray(7, instants(c, rows.stream().map(OutageRows.Outage::detectedAt)));
                        s.setArray(8, instants(c, rows.stream().map(OutageRows.Outage::restoredAt)));
                        s.setArray(9, instants(c, rows.stream().map(OutageRows.Outage::updatedAt)));
                        s.setArray(10, ints(c, rows.stream().map(OutageRows.Outage::served)));
                        s.setArray(11, ints(c, rows.stream().map(OutageRows.Outage::affected)));
                        s.setArray(12, ints(c, rows.stream().map(OutageRows.Outage::out)));
                        s.setArray(13, longs(c, rows.stream().map(OutageRows.Outage::parentId)));
                        s.setArray(14, texts(c, rows.stream().map(OutageRows.Outage::closedBy)));
                        s.setArray(15, ints(c, rows.stream().map(OutageRows.Outage::version)));
                    });
            return;
        }
        upsert("UPDATE outage SET outage_level = ?, feeder = ?, transformer = ?, state = ?, started_at = ?,"
                + " detected_at = ?, restored_at = ?, updated_at = ?, meters_served = ?, meters_affected = ?,"
                + " meters_out = ?, parent_id = ?, closed_by = ?, version = ? WHERE id = ?",
                "INSERT INTO outage (outage_level, feeder, transformer, state, started_at, detected_at, restored_at,"
                + " updated_at, meters_served, meters_affected, meters_out, parent_id, closed_by, version, id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, (s, row) -> {
                    s.setString(1, row.level());
                    s.setString(2, row.feeder());
                    s.setString(3, row.transformer());
                    s.setString(4, row.state());
                    s.setObject(5, utc(row.startedAt()));
                    s.setObject(6, utc(row.detectedAt()));
                    setInstant(s, 7, row.restoredAt());
                    s.setObject(8, utc(row.updatedAt()));
                    s.setInt(9, row.served());
                    s.setInt(10, row.affected());
                    s.setInt(11, row.out());
                    setLong(s, 12, row.parentId());
                    s.setString(13, row.closedBy());
                    s.setInt(14, row.version());
                    s.setLong(15, row.id());
                });
    }

    /** Inserts members that are surely not stored yet (they joined in this detection). */
    public void insertMembers(List<OutageRows.Member> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (postgres) {
            pgMembers(rows, "");
            return;
        }
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO outage_meter (off_at, on_at, outage_id, usage_point_id) VALUES (?, ?, ?, ?)")) {
                for (OutageRows.Member row : rows) {
                    s.setObject(1, utc(row.offAt()));
                    setInstant(s, 2, row.onAt());
                    s.setLong(3, row.outageId());
                    s.setLong(4, row.usagePointId());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    public void saveMembers(List<OutageRows.Member> rows) {
        if (postgres) {
            pgMembers(rows, " ON CONFLICT (outage_id, usage_point_id) DO UPDATE SET off_at = EXCLUDED.off_at,"
                    + " on_at = EXCLUDED.on_at");
            return;
        }
        upsert("UPDATE outage_meter SET off_at = ?, on_at = ? WHERE outage_id = ? AND usage_point_id = ?",
                "INSERT INTO outage_meter (off_at, on_at, outage_id, usage_point_id) VALUES (?, ?, ?, ?)", rows,
                (s, row) -> {
                    s.setObject(1, utc(row.offAt()));
                    setInstant(s, 2, row.onAt());
                    s.setLong(3, row.outageId());
                    s.setLong(4, row.usagePointId());
                });
    }

    /** Adds notices to publish (one statement, or one JDBC batch): to the topic, and to the webhook when {@code webhook}. */
    public void addNotices(List<OutageRows.NewNotice> notices, boolean webhook, Instant now) {
        if (notices.isEmpty()) {
            return;
        }
        if (postgres) {
            pgWrite(notices, "INSERT INTO outage_notice (id, outage_id, outage_version, kind, payload, created_at,"
                    + " webhook_status, attempts, next_attempt_at) SELECT nextval('outage_notice_seq'), o, v, k, p,"
                    + " ?::timestamptz, ?, 0, ?::timestamptz FROM unnest(?::bigint[], ?::int[], ?::text[], ?::text[])"
                    + " WITH ORDINALITY AS n(o, v, k, p, i) ORDER BY i", (c, s) -> {
                        s.setObject(1, utc(now));
                        s.setString(2, webhook ? "PENDING" : "NONE");
                        s.setObject(3, utc(now));
                        s.setArray(4, longs(c, notices.stream().map(OutageRows.NewNotice::outageId)));
                        s.setArray(5, ints(c, notices.stream().map(OutageRows.NewNotice::outageVersion)));
                        s.setArray(6, texts(c, notices.stream().map(OutageRows.NewNotice::kind)));
                        s.setArray(7, texts(c, notices.stream().map(OutageRows.NewNotice::payload)));
                    });
            return;
        }
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(insertNotice)) {
                for (OutageRows.NewNotice notice : notices) {
                    s.setLong(1, notice.outageId());
                    s.setInt(2, notice.outageVersion());
                    s.setString(3, notice.kind());
                    s.setString(4, notice.payload());
                    s.setObject(5, utc(now));
                    s.setString(6, webhook ? "PENDING" : "NONE");
                    s.setObject(7, utc(now));
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    private interface ArrayBinder {
        void bind(Connection c, PreparedStatement s) throws SQLException;
    }

    /** PostgreSQL: one statement for all the rows, its parameters the rows' columns as arrays. */
    private <T> void pgWrite(List<T> rows, String sql, ArrayBinder binder) {
        if (rows.isEmpty()) {
            return;
        }
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                binder.bind(c, s);
                s.executeUpdate();
            }
            return null;
        });
    }

    private void pgMembers(List<OutageRows.Member> rows, String onConflict) {
        pgWrite(rows, "INSERT INTO outage_meter (outage_id, usage_point_id, off_at, on_at)"
                + " SELECT o, u, " + at("f") + ", " + at("n") + " FROM unnest(?::bigint[], ?::bigint[], ?::bigint[],"
                + " ?::bigint[]) AS t(o, u, f, n)" + onConflict,
                (c, s) -> {
                    s.setArray(1, longs(c, rows.stream().map(OutageRows.Member::outageId)));
                    s.setArray(2, longs(c, rows.stream().map(OutageRows.Member::usagePointId)));
                    s.setArray(3, instants(c, rows.stream().map(OutageRows.Member::offAt)));
                    s.setArray(4, instants(c, rows.stream().map(OutageRows.Member::onAt)));
                });
    }

    /**
     * Instants as microseconds since the epoch (to the nearest microsecond, PostgreSQL's precision; null
     * stays null) for a {@code ?::bigint[]} parameter that the statement turns into timestamps with
     * {@link #at}: a storm step sends hundreds of thousands of them, and numbers cost a fraction of
     * what ISO text costs to write here and to parse there.
     */
    private static Array instants(Connection c, Stream<Instant> values) throws SQLException {
        return c.createArrayOf("bigint", values.map(v -> v == null ? null : micros(v)).toArray(Long[]::new));
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                (instant.getNano() + 500) / 1_000);
    }

    /** SQL for the timestamp of a bigint of epoch microseconds ({@link #instants}), exactly. */
    private static String at(String micros) {
        return "(TIMESTAMPTZ 'epoch' + " + micros + " * INTERVAL '1 microsecond')";
    }

    private static Array texts(Connection c, Stream<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray(String[]::new));
    }

    private static Array longs(Connection c, Stream<Long> values) throws SQLException {
        return c.createArrayOf("bigint", values.toArray(Long[]::new));
    }

    private static Array ints(Connection c, Stream<Integer> values) throws SQLException {
        return c.createArrayOf("integer", values.toArray(Integer[]::new));
    }

    private interface RowBinder<T> {
        void bind(PreparedStatement s, T row) throws SQLException;
    }

    /** Updates the rows by their key (the last parameters), then inserts those that were not there. */
    private <T> void upsert(String updateSql, String insertSql, List<T> rows, RowBinder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        inTransaction(c -> {
            int[] counts;
            try (PreparedStatement s = c.prepareStatement(updateSql)) {
                for (T row : rows) {
                    binder.bind(s, row);
                    s.addBatch();
                }
                counts = s.executeBatch();
            }
            List<T> missing = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (counts[i] == 0) {
                    missing.add(rows.get(i));
                }
            }
            if (!missing.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement(insertSql)) {
                    for (T row : missing) {
                        binder.bind(s, row);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
            return null;
        });
    }

    // --- what operators and other systems ask -------------------------------------------------

    /** Outages, the active ones ({@code active}) or those that started in [from, to), newest first. */
    public List<OutageRows.Outage> outages(boolean active, Instant from, Instant to, int limit) {
        if (active) {
            return query("SELECT " + OUTAGE_COLUMNS + " FROM outage o WHERE o.state <> 'RESTORED'"
                    + " ORDER BY o.started_at DESC, o.id DESC", s -> { }, OutageStore::outage, limit);
        }
        return query("SELECT " + OUTAGE_COLUMNS + " FROM outage o WHERE o.started_at >= ? AND o.started_at < ?"
                + " ORDER BY o.started_at DESC, o.id DESC", s -> {
                    s.setObject(1, utc(from));
                    s.setObject(2, utc(to));
                }, OutageStore::outage, limit);
    }

    public Optional<OutageRows.Outage> outage(long id) {
        return query("SELECT " + OUTAGE_COLUMNS + " FROM outage o WHERE o.id = ?", s -> s.setLong(1, id),
                OutageStore::outage).stream().findFirst();
    }

    /** The transformer outages that are part of the feeder outage. */
    public List<OutageRows.Outage> children(long parentId) {
        return query("SELECT " + OUTAGE_COLUMNS + " FROM outage o WHERE o.parent_id = ? ORDER BY o.transformer",
                s -> s.setLong(1, parentId), OutageStore::outage);
    }

    private static OutageRows.Outage outage(ResultSet r) throws SQLException {
        long parent = r.getLong(13);
        Long parentId = r.wasNull() ? null : parent;
        return new OutageRows.Outage(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                instant(r, 6), instant(r, 7), instant(r, 8), instant(r, 9), r.getInt(10), r.getInt(11), r.getInt(12),
                parentId, r.getString(14), r.getInt(15));
    }

    private static final String ON_MAP = "SELECT up.id, up.code, m.serial_number, up.feeder, up.transformer,"
            + " up.latitude, up.longitude, COALESCE(p.state, 'ON'), %s FROM usage_point up"
            + " LEFT JOIN usage_point_power p ON p.usage_point_id = up.id"
            + " LEFT JOIN meter_installation i ON i.usage_point_id = up.id AND i.installed_to IS NULL"
            + " LEFT JOIN meter m ON m.id = i.meter_id";

    /** A usage point's off time now, and no back time. */
    private static final String NOW = "p.off_at, CAST(NULL AS TIMESTAMP WITH TIME ZONE)";

    /** The usage points of the outage with where they are, their power now, and when they went out and came back in it. */
    public List<OutageRows.MeterOnMap> membersOnMap(long outageId) {
        return query(String.format(ON_MAP, "om.off_at, om.on_at") + " JOIN outage_meter om ON om.usage_point_id = up.id"
                + " WHERE om.outage_id = ? ORDER BY om.off_at, up.code", s -> s.setLong(1, outageId),
                OutageStore::onMap);
    }

    /**
     * The electric usage points on the feeders, with their power (the outage board's map), at most
     * {@code limit}; or, when {@code feeders} is empty, those that are out or pending anywhere.
     */
    public List<OutageRows.MeterOnMap> onMap(Collection<String> feeders, int limit) {
        if (feeders.isEmpty()) {
            return query(String.format(ON_MAP, NOW) + " WHERE " + ELECTRIC
                    + " AND p.state <> 'ON' ORDER BY up.code", s -> { }, OutageStore::onMap, limit);
        }
        List<String> list = List.copyOf(feeders);
        return query(String.format(ON_MAP, NOW) + " WHERE " + ELECTRIC
                + " AND up.feeder IN (" + marks(list.size()) + ") ORDER BY up.code", s -> bindStrings(s, 1, list),
                OutageStore::onMap, limit);
    }

    /** The usage points out (or pending) behind the transformer. */
    public List<OutageRows.MeterOnMap> outBehind(String feeder, String transformer) {
        return query(String.format(ON_MAP, NOW) + " WHERE " + ELECTRIC
                + " AND up.feeder = ? AND up.transformer = ? AND p.state <> 'ON' ORDER BY p.off_at, up.code", s -> {
                    s.setString(1, feeder);
                    s.setString(2, transformer);
                }, OutageStore::onMap);
    }

    private static OutageRows.MeterOnMap onMap(ResultSet r) throws SQLException {
        return new OutageRows.MeterOnMap(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                r.getString(5), r.getBigDecimal(6), r.getBigDecimal(7), r.getString(8), instant(r, 9),
                instant(r, 10));
    }

    /** Which meters of the feeder sent a last gasp since {@code since} (newest first). */
    public List<OutageRows.LastGasp> lastGasps(String feeder, Instant since, int limit) {
        return query("SELECT up.code, m.serial_number, up.transformer, e.occurred_at FROM meter_event e"
                + " JOIN usage_point up ON up.id = e.usage_point_id JOIN meter m ON m.id = e.meter_id"
                + " WHERE e.event_type = 'LAST_GASP' AND e.occurred_at >= ? AND up.feeder = ?"
                + " ORDER BY e.occurred_at DESC, up.code", s -> {
                    s.setObject(1, utc(since));
                    s.setString(2, feeder);
                }, r -> new OutageRows.LastGasp(r.getString(1), r.getString(2), r.getString(3), instant(r, 4)),
                limit);
    }

    /**
     * The usage point's interruptions that overlap [from, to), in time order: the ended ones
     * ({@code power_interruption}) and the open one of a usage point that is out (its power state,
     * V21).
     */
    public List<OutageRows.Interruption> interruptions(long usagePointId, Instant from, Instant to) {
        return query("SELECT usage_point_id, off_at, on_at, kind FROM power_interruption WHERE usage_point_id = ?"
                + " AND off_at < ? AND on_at > ?"
                + " UNION ALL " + OPEN_INTERRUPTIONS + " AND usage_point_id = ? AND off_at < ? ORDER BY 2", s -> {
                    s.setLong(1, usagePointId);
                    s.setObject(2, utc(to));
                    s.setObject(3, utc(from));
                    s.setLong(4, usagePointId);
                    s.setObject(5, utc(to));
                }, r -> new OutageRows.Interruption(r.getLong(1), instant(r, 2), instant(r, 3),
                        "MOMENTARY".equals(r.getString(4))));
    }

    /**
     * The interruptions that have not ended, as power_interruption's columns: a usage point out since
     * its last gasp (V21: they are not stored as interruptions until the power restore ends them).
     */
    private static final String OPEN_INTERRUPTIONS = "SELECT usage_point_id, off_at,"
            + " CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS on_at, 'SUSTAINED' AS kind FROM usage_point_power"
            + " WHERE state = 'OUT'";

    /** The sustained interruptions of the usage points that overlap [from, to), by usage point. */
    public Map<Long, List<OutageRows.Interruption>> sustained(Collection<Long> usagePointIds, Instant from,
            Instant to) {
        Map<Long, List<OutageRows.Interruption>> byUsagePoint = new HashMap<>();
        for (List<Long> part : inLists(usagePointIds)) {
            query("SELECT usage_point_id, off_at, on_at, kind FROM power_interruption WHERE kind = 'SUSTAINED'"
                    + " AND usage_point_id IN (" + marks(part.size()) + ") AND off_at < ? AND on_at > ?"
                    + " UNION ALL " + OPEN_INTERRUPTIONS + " AND usage_point_id IN (" + marks(part.size()) + ")"
                    + " AND off_at < ? ORDER BY 1, 2", s -> {
                        int i = bindIds(s, 1, part);
                        s.setObject(i, utc(to));
                        s.setObject(i + 1, utc(from));
                        i = bindIds(s, i + 2, part);
                        s.setObject(i, utc(to));
                    }, r -> byUsagePoint.computeIfAbsent(r.getLong(1), id -> new ArrayList<>())
                            .add(new OutageRows.Interruption(r.getLong(1), instant(r, 2), instant(r, 3), false)));
        }
        return byUsagePoint;
    }

    // --- notices ------------------------------------------------------------------------------

    private static final String NOTICE_COLUMNS = "id, outage_id, outage_version, kind, payload, created_at, topic_at,"
            + " webhook_status, webhook_at, attempts, next_attempt_at, last_error";

    /** Notices with something left to deliver whose next attempt is due, oldest first. */
    public List<OutageRows.Notice> dueNotices(Instant now, int limit) {
        return query("SELECT " + NOTICE_COLUMNS + " FROM outage_notice WHERE next_attempt_at <= ? ORDER BY id",
                s -> s.setObject(1, utc(now)), OutageStore::notice, limit);
    }

    public List<OutageRows.Notice> notices(long outageId) {
        return query("SELECT " + NOTICE_COLUMNS + " FROM outage_notice WHERE outage_id = ? ORDER BY id",
                s -> s.setLong(1, outageId), OutageStore::notice);
    }

    /** Records the outcomes of delivery attempts, with one JDBC batch. */
    public void delivered(List<OutageRows.Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE outage_notice SET topic_at = ?, webhook_status = ?,"
                    + " webhook_at = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")) {
                for (OutageRows.Delivery d : deliveries) {
                    setInstant(s, 1, d.topicAt());
                    s.setString(2, d.webhookStatus());
                    setInstant(s, 3, d.webhookAt());
                    s.setInt(4, d.attempts());
                    setInstant(s, 5, d.nextAttemptAt());
                    String error = d.lastError();
                    s.setString(6, error == null || error.length() <= 1000 ? error : error.substring(0, 1000));
                    s.setLong(7, d.noticeId());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    private static OutageRows.Notice notice(ResultSet r) throws SQLException {
        return new OutageRows.Notice(r.getLong(1), r.getLong(2), r.getInt(3), r.getString(4), r.getString(5),
                instant(r, 6), instant(r, 7), r.getString(8), instant(r, 9), r.getInt(10), instant(r, 11),
                r.getString(12));
    }

    // --- helpers ------------------------------------------------------------------------------

    private static void bindStrings(PreparedStatement s, int first, List<String> values) throws SQLException {
        int i = first;
        for (String value : values) {
            s.setString(i++, value);
        }
    }

    private static void setInstant(PreparedStatement s, int i, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(i, utc(value));
        }
    }

    private static void setLong(PreparedStatement s, int i, Long value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.BIGINT);
        } else {
            s.setLong(i, value);
        }
    }

}
