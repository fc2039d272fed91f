package org.openmdms.reading.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmdms.TestDatabase;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.ReadingType;
import org.openmdms.meter.entity.RegistryBuilder;
import org.openmdms.meter.entity.Unit;
import org.openmdms.meter.entity.UsagePoint;
import org.openmdms.reading.entity.ReadSource;

/**
 * Retention on a real database (H2, or PostgreSQL with -Dmdms.db=postgresql): a channel has reads,
 * each with an earlier version in the history, on 15 January, February and March 2011; retention with
 * a cutoff in the middle of March removes January and February whole — on PostgreSQL their four
 * partitions — and leaves March and every daily total. A fresh database per test: retention removes
 * months from the whole store.
 */
class IntervalRetentionIT {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final LocalDate JANUARY = LocalDate.of(2011, 1, 15);
    private static final LocalDate FEBRUARY = LocalDate.of(2011, 2, 15);
    private static final LocalDate MARCH = LocalDate.of(2011, 3, 15);
    private static final Instant CUTOFF = Instant.parse("2011-03-10T12:00:00Z");

    private TestDatabase db;
    private DataSource dataSource;
    private IntervalStore store;
    private long channel;

    @BeforeEach
    void threeMonthsOfReadsWithHistory() {
        db = TestDatabase.create();
        dataSource = db.dataSource();
        store = db.isPostgres() ? new PostgresIntervalStore(dataSource) : new H2IntervalStore(dataSource);
        channel = db.inTransaction(em -> {
            UsagePoint up = RegistryBuilder.residential("UP-RETENTION");
            var c = up.addChannel(ReadingType.interval(Unit.KWH, 30, FlowDirection.DELIVERED), BigDecimal.ONE);
            em.persist(up);
            em.flush();
            return c.id();
        });
        Map<Long, ChannelClock> clocks = Map.of(channel, new ChannelClock(UTC, 30));
        for (LocalDate day : List.of(JANUARY, FEBRUARY, MARCH)) {
            store.write(HalfHours.day(channel, UTC, day, "0.5", ReadSource.ESTIMATED), clocks, null);
            store.write(HalfHours.day(channel, UTC, day, "0.25", ReadSource.ACTUAL), clocks, null);
        }
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void wholeMonthsBeforeTheCutoffAreDroppedAndTheirDailyTotalsKept() throws SQLException {
        RetentionResult result = store.applyRetention(CUTOFF, RetentionMode.DROP);

        assertEquals(Instant.parse("2011-03-01T00:00:00Z"), result.cutoff(), "rounded down to the month");
        assertTrue(store.reads(channel, instant(JANUARY), instant(MARCH)).isEmpty());
        assertTrue(store.history(channel, instant(JANUARY).plusSeconds(1800)).isEmpty());
        assertEquals(48, store.reads(channel, instant(MARCH), instant(MARCH.plusDays(2))).size());
        assertEquals(1, store.history(channel, instant(MARCH).plusSeconds(1800)).size());
        List<DailyReading> daily = store.daily(channel, JANUARY, MARCH.plusDays(1));
        assertEquals(List.of(JANUARY, FEBRUARY, MARCH), daily.stream().map(DailyReading::day).toList());
        assertEquals(0, new BigDecimal("12").compareTo(daily.get(0).total()));
        if (db.isPostgres()) {
            assertEquals(List.of("interval_read_history_y2011m01", "interval_read_history_y2011m02",
                    "interval_read_y2011m01", "interval_read_y2011m02"), result.partitions().stream().sorted().toList());
            for (String gone : result.partitions()) {
                assertNull(regclass(gone), gone + " still exists");
            }
            assertEquals(List.of("interval_read_history_y2011m03", "interval_read_y2011m03"), partitionsOf2011());
        } else {
            assertEquals(4 * 48, result.deletedRows(), "reads and history of January and February");
        }
        assertTrue(store.storage().stream().noneMatch(m -> m.month().isBefore(LocalDate.of(2011, 3, 1))));
    }

    @Test
    void detachedMonthsBecomeArchiveTablesWithTheirRows() throws SQLException {
        RetentionResult result = store.applyRetention(CUTOFF, RetentionMode.DETACH);

        assertTrue(store.reads(channel, instant(JANUARY), instant(MARCH)).isEmpty());
        assertEquals(48, store.reads(channel, instant(MARCH), instant(MARCH.plusDays(2))).size());
        assertEquals(3, store.daily(channel, JANUARY, MARCH.plusDays(1)).size());
        if (db.isPostgres()) {
            assertTrue(result.archiveTables().contains("archive_interval_read_y2011m01"), result.archiveTables().toString());
            assertNull(regclass("interval_read_y2011m01"));
            assertEquals(48, count("archive_interval_read_y2011m01"));
            assertEquals(48, count("archive_interval_read_history_y2011m02"));
            assertEquals(List.of("interval_read_history_y2011m03", "interval_read_y2011m03"), partitionsOf2011());
        } else {
            assertEquals(4 * 48, result.deletedRows());
        }
        assertTrue(store.applyRetention(CUTOFF, RetentionMode.DETACH).removedNothing(), "nothing left to remove");
    }

    @Test
    void theStorageOverviewListsEachMonthOfBothTables() {
        List<StoredMonth> months = store.storage().stream().filter(m -> m.month().getYear() == 2011).toList();

        assertEquals(6, months.size(), months.toString());
        assertEquals(LocalDate.of(2011, 1, 1), months.get(0).month());
        if (db.isPostgres()) {
            assertEquals("interval_read_y2011m01", months.get(0).partition());
            assertTrue(months.get(0).bytes() > 0);
        } else {
            assertEquals(48, months.get(0).estimatedRows());
            assertFalse(months.stream().anyMatch(m -> m.partition() != null));
        }
    }

    private static Instant instant(LocalDate day) {
        return day.atStartOfDay(UTC).toInstant();
    }

    private String regclass(String table) throws SQLException {
        return single("SELECT to_regclass(?)::text", table);
    }

    private long count(String table) throws SQLException {
        return Long.parseLong(single("SELECT count(*)::text FROM " + table, null));
    }

    /** The partitions of 2011 still attached to either table (pg_inherits). */
    private List<String> partitionsOf2011() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT c.relname FROM pg_inherits i"
                        + " JOIN pg_class c ON c.oid = i.inhrelid"
                        + " WHERE i.inhparent IN ('interval_read'::regclass, 'interval_read_history'::regclass)"
                        + " AND c.relname LIKE '%y2011%' ORDER BY 1");
                ResultSet r = s.executeQuery()) {
            List<String> names = new java.util.ArrayList<>();
            while (r.next()) {
                names.add(r.getString(1));
            }
            return names;
        }
    }

    private String single(String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
