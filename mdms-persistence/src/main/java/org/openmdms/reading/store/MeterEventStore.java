package org.openmdms.reading.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.openmdms.meter.store.MeterPlacement;
import org.openmdms.reading.entity.MeterEventType;

/**
 * Meter events in the database. An event is identified by (meter, occurred_at, event type): the
 * same event sent again is a duplicate and changes nothing (the first detail stays). On PostgreSQL a
 * write is ONE statement for the whole chunk: the rows go in as arrays ({@code unnest}), {@code ON
 * CONFLICT DO NOTHING} skips the duplicates, and the rows it stored are returned straight into the
 * insert of the outage detection queue in the same statement, which answers how many were stored.
 * On H2 it is a JDBC batch of insert-if-absent statements ({@code MERGE}) whose answers count the
 * duplicates, then a batch for the queue. Writes join the caller's transaction. Reads are by usage
 * point or by meter over a time range, served by the table's indexes.
 */
public class MeterEventStore extends JdbcStore {

    private static final String[] COLUMNS = {"meter_id", "occurred_at", "event_type", "usage_point_id", "detail",
        "received_at", "import_id"};
    private static final String[] TYPES = {"BIGINT", "TIMESTAMP WITH TIME ZONE", "VARCHAR(32)", "BIGINT",
        "VARCHAR(1000)", "TIMESTAMP WITH TIME ZONE", "BIGINT"};
    private static final String SELECT = "SELECT m.serial_number, up.code, up.time_zone, e.event_type, e.occurred_at,"
            + " e.detail, e.received_at FROM meter_event e JOIN meter m ON m.id = e.meter_id"
            + " LEFT JOIN usage_point up ON up.id = e.usage_point_id";
    /** The longest detail kept; longer text is cut. */
    public static final int MAX_DETAIL = 1000;

    /**
     * PostgreSQL: the chunk's events stored and their power events queued in one statement. The
     * arrays are parallel (meter, instant, type, usage point, detail); received time and import are
     * the chunk's. A row the key already holds (a duplicate, or a concurrent writer's) is not
     * returned, so it is neither counted nor queued again.
     */
    static final String POSTGRES_WRITE = "WITH stored AS ("
            + "INSERT INTO meter_event (meter_id, occurred_at, event_type, usage_point_id, detail, received_at, import_id)"
            + " SELECT e.meter_id, e.occurred_at, e.event_type, e.usage_point_id, e.detail, ?::timestamptz, ?::bigint"
            + " FROM unnest(?::bigint[], ?::timestamptz[], ?::text[], ?::bigint[], ?::text[])"
            + " AS e(meter_id, occurred_at, event_type, usage_point_id, detail)"
            + " ON CONFLICT (meter_id, occurred_at, event_type) DO NOTHING"
            + " RETURNING usage_point_id, occurred_at, event_type),"
            + " queued AS (INSERT INTO power_event_queue (usage_point_id, occurred_at, event_type, queued_at)"
            + " SELECT usage_point_id, occurred_at, event_type, ?::timestamptz FROM stored"
            + " WHERE usage_point_id IS NOT NULL AND event_type IN ('LAST_GASP', 'POWER_RESTORE')"
            + " ON CONFLICT (usage_point_id, occurred_at, event_type) DO NOTHING)"
            + " SELECT COUNT(*) FROM stored";

    /** The meters with these serial numbers and their installations: what a chunk's events are mapped with. */
    public record EventMeters(Map<String, Long> meterIds, List<MeterPlacement> placements) {
    }

    private final boolean postgres;
    private final String insert;
    private final String queue;

    public MeterEventStore(DataSource dataSource, String databaseProduct) {
        super(dataSource);
        postgres = InsertIfAbsent.of(databaseProduct) == InsertIfAbsent.POSTGRESQL;
        insert = InsertIfAbsent.of(databaseProduct).sql("meter_event", COLUMNS, TYPES,
                new String[] {"meter_id", "occurred_at", "event_type"});
        queue = InsertIfAbsent.of(databaseProduct).sql("power_event_queue",
                new String[] {"usage_point_id", "occurred_at", "event_type", "queued_at"},
                new String[] {"BIGINT", "TIMESTAMP WITH TIME ZONE", "VARCHAR(32)", "TIMESTAMP WITH TIME ZONE"},
                new String[] {"usage_point_id", "occurred_at", "event_type"});
    }

    /**
     * Writes the events; of repeated events in the rows the first counts, the others are duplicates.
     * The last gasps and power restores stored (not the duplicates) of installed meters join the
     * queue of outage detection ({@code power_event_queue}) in the same transaction.
     */
    /**
     * PostgreSQL: the meters with these serial numbers, and every installation of each, in one query
     * with the serials as one array parameter. A storm's chunk of 20 000 events names 20 000 meters:
     * as a JPA {@code IN} list (two queries of 20 000 parameters each) their lookup took most of the
     * chunk's time in the server, and the database's too. Empty on other databases (the caller then
     * uses the registry's queries).
     */
    public Optional<EventMeters> metersOf(Collection<String> serialNumbers) {
        if (!postgres) {
            return Optional.empty();
        }
        Map<String, Long> ids = new HashMap<>();
        List<MeterPlacement> placements = new ArrayList<>();
        if (serialNumbers.isEmpty()) {
            return Optional.of(new EventMeters(ids, placements));
        }
        inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT m.serial_number, m.id, up.id, up.code, up.time_zone,"
                    + " i.installed_from, i.installed_to FROM meter m"
                    + " LEFT JOIN meter_installation i ON i.meter_id = m.id"
                    + " LEFT JOIN usage_point up ON up.id = i.usage_point_id"
                    + " WHERE m.serial_number = ANY(?) ORDER BY m.serial_number, i.installed_from")) {
                s.setArray(1, c.createArrayOf("varchar", serialNumbers.toArray()));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.put(r.getString(1), r.getLong(2));
                        long usagePoint = r.getLong(3);
                        if (!r.wasNull()) {
                            placements.add(new MeterPlacement(r.getString(1), usagePoint,
                                    r.getString(4), r.getString(5), instant(r, 6), instant(r, 7)));
                        }
                    }
                }
            }
            return null;
        });
        return Optional.of(new EventMeters(ids, placements));
    }

    public WriteResult write(List<EventRow> rows, Long importId) {
        if (rows.isEmpty()) {
            return WriteResult.NONE;
        }
        Map<Key, EventRow> first = new LinkedHashMap<>();
        rows.forEach(r -> first.putIfAbsent(new Key(r.meterId(), r.occurredAt(), r.type()), r));
        Timestamp now = Timestamp.from(Instant.now());
        if (postgres) {
            long inserted = inTransaction(c -> writePostgres(c, List.copyOf(first.values()), importId, now));
            return new WriteResult(inserted, 0, 0, rows.size() - inserted);
        }
        long inserted = inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(insert)) {
                for (EventRow row : first.values()) {
                    s.setLong(1, row.meterId());
                    s.setObject(2, utc(row.occurredAt()));
                    s.setString(3, row.type().name());
                    if (row.usagePointId() == null) {
                        s.setNull(4, Types.BIGINT);
                    } else {
                        s.setLong(4, row.usagePointId());
                    }
                    s.setString(5, detail(row.detail()));
                    s.setTimestamp(6, now);
                    RegisterReadStore.importId(s, 7, importId);
                    s.addBatch();
                }
                int[] counts = s.executeBatch();
                queuePowerEvents(c, List.copyOf(first.values()), counts, now);
                return RegisterReadStore.inserted(counts);
            }
        });
        return new WriteResult(inserted, 0, 0, rows.size() - inserted);
    }

    private static long writePostgres(Connection c, List<EventRow> rows, Long importId, Timestamp now)
            throws SQLException {
        int n = rows.size();
        Long[] meters = new Long[n];
        String[] instants = new String[n];
        String[] types = new String[n];
        Long[] usagePoints = new Long[n];
        String[] details = new String[n];
        for (int i = 0; i < n; i++) {
            EventRow row = rows.get(i);
            meters[i] = row.meterId();
            instants[i] = row.occurredAt().toString();
            types[i] = row.type().name();
            usagePoints[i] = row.usagePointId();
            details[i] = detail(row.detail());
        }
        try (PreparedStatement s = c.prepareStatement(POSTGRES_WRITE)) {
            s.setTimestamp(1, now);
            RegisterReadStore.importId(s, 2, importId);
            s.setArray(3, c.createArrayOf("bigint", meters));
            s.setArray(4, c.createArrayOf("text", instants));
            s.setArray(5, c.createArrayOf("text", types));
            s.setArray(6, c.createArrayOf("bigint", usagePoints));
            s.setArray(7, c.createArrayOf("text", details));
            s.setTimestamp(8, now);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static String detail(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    }

    private void queuePowerEvents(Connection c, List<EventRow> rows, int[] counts, Timestamp now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(queue)) {
            int queued = 0;
            for (int i = 0; i < rows.size(); i++) {
                EventRow row = rows.get(i);
                boolean stored = counts[i] == java.sql.Statement.SUCCESS_NO_INFO || counts[i] > 0;
                if (stored && row.usagePointId() != null && (row.type() == MeterEventType.LAST_GASP
                        || row.type() == MeterEventType.POWER_RESTORE)) {
                    s.setLong(1, row.usagePointId());
                    s.setObject(2, utc(row.occurredAt()));
                    s.setString(3, row.type().name());
                    s.setTimestamp(4, now);
                    s.addBatch();
                    queued++;
                }
            }
            if (queued > 0) {
                s.executeBatch();
            }
        }
    }

    /** Events at the usage point (of whichever meter served it) in [from, to), in time order, at most {@code limit}. */
    public List<StoredEvent> ofUsagePoint(long usagePointId, Instant from, Instant to, int limit) {
        return query(SELECT + " WHERE e.usage_point_id = ? AND e.occurred_at >= ? AND e.occurred_at < ?"
                + " ORDER BY e.occurred_at, e.event_type", s -> bind(s, usagePointId, from, to),
                MeterEventStore::event, limit);
    }

    /** Events of the meter, wherever it was, in [from, to), in time order, at most {@code limit}. */
    public List<StoredEvent> ofMeter(long meterId, Instant from, Instant to, int limit) {
        return query(SELECT + " WHERE e.meter_id = ? AND e.occurred_at >= ? AND e.occurred_at < ?"
                + " ORDER BY e.occurred_at, e.event_type", s -> bind(s, meterId, from, to),
                MeterEventStore::event, limit);
    }

    /** When the latest event at the usage point occurred. */
    public Optional<Instant> latestAtUsagePoint(long usagePointId) {
        return latest("usage_point_id", usagePointId);
    }

    /** When the meter's latest event occurred. */
    public Optional<Instant> latestOfMeter(long meterId) {
        return latest("meter_id", meterId);
    }

    private Optional<Instant> latest(String column, long id) {
        return query("SELECT MAX(occurred_at) FROM meter_event WHERE " + column + " = ?", s -> s.setLong(1, id),
                r -> Optional.ofNullable(instant(r, 1))).get(0);
    }

    private static void bind(PreparedStatement s, long id, Instant from, Instant to) throws SQLException {
        s.setLong(1, id);
        s.setObject(2, utc(from));
        s.setObject(3, utc(to));
    }

    private static StoredEvent event(ResultSet r) throws SQLException {
        return new StoredEvent(r.getString(1), r.getString(2), r.getString(3), MeterEventType.valueOf(r.getString(4)),
                instant(r, 5), r.getString(6), instant(r, 7));
    }

    private record Key(long meterId, Instant occurredAt, MeterEventType type) {
    }
}
