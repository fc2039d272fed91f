package org.openmdms.reading.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmdms.TestDatabase;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.ReadingType;
import org.openmdms.meter.entity.RegistryBuilder;
import org.openmdms.meter.entity.Unit;
import org.openmdms.meter.entity.UsagePoint;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;

/** The interval store on a real database (H2, or PostgreSQL with -Dmdms.test.db=postgresql). */
class IntervalStoreIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final AtomicLong CODES = new AtomicLong();
    private static TestDatabase db;
    private static DataSource dataSource;
    private static IntervalStore store;

    private long channel;
    private Map<Long, ChannelClock> clocks;

    @BeforeAll
    static void database() {
        db = TestDatabase.create();
        dataSource = db.dataSource();
        store = db.isPostgres() ? new PostgresIntervalStore(dataSource) : new H2IntervalStore(dataSource);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void aHalfHourlyChannel() {
        channel = db.inTransaction(em -> {
            UsagePoint up = RegistryBuilder.residential("UP-" + CODES.incrementAndGet());
            var c = up.addChannel(ReadingType.interval(Unit.KWH, 30, FlowDirection.DELIVERED), BigDecimal.ONE);
            em.persist(up);
            em.flush();
            return c.id();
        });
        clocks = Map.of(channel, new ChannelClock(LONDON, 30));
    }

    private List<IntervalRow> day(LocalDate day, String value, ReadSource source) {
        return HalfHours.day(channel, LONDON, day, value, source);
    }

    @Test
    void aDayIsStoredAndItsDailyTotalKept() {
        LocalDate day = LocalDate.of(2013, 1, 15);
        WriteResult result = store.write(day(day, "0.250", ReadSource.ACTUAL), clocks, null);

        assertEquals(new WriteResult(48, 0, 0, 0), result);
        List<StoredInterval> reads = store.reads(channel, day.atStartOfDay(LONDON).toInstant(),
                day.plusDays(1).atStartOfDay(LONDON).toInstant().plusSeconds(1800));
        assertEquals(48, reads.size());
        assertEquals(Instant.parse("2013-01-15T00:30:00Z"), reads.get(0).intervalEnd());
        assertEquals(1, reads.get(0).version());
        DailyReading daily = store.daily(channel, day, day.plusDays(1)).get(0);
        assertEquals(0, new BigDecimal("12.000").compareTo(daily.total()));
        assertEquals(48, daily.readCount());
    }

    @Test
    void forEachReadGivesTheCurrentValuesOfTheRangeAsReadsDoes() {
        LocalDate day = LocalDate.of(2013, 1, 18);
        List<IntervalRow> rows = day(day, "0.250", ReadSource.ACTUAL);
        rows.set(3, new IntervalRow(channel, rows.get(3).intervalEnd(), new BigDecimal("-1.125"), Quality.POWER_OUTAGE,
                ReadSource.ESTIMATED));
        rows.set(4, new IntervalRow(channel, rows.get(4).intervalEnd(), new BigDecimal("123456789012.123456"),
                Quality.VALID, ReadSource.ACTUAL));
        store.write(rows, clocks, null);
        Instant from = rows.get(2).intervalEnd();
        Instant to = rows.get(40).intervalEnd();

        List<StoredInterval> expected = store.reads(channel, from, to);
        List<StoredInterval> streamed = new ArrayList<>();
        store.forEachRead(List.of(channel, channel + 1_000_000), from, to, (id, end, value, quality, source) -> {
            assertEquals(channel, id);
            streamed.add(new StoredInterval(end, value, quality, source, 1, null));
        });
        streamed.sort(java.util.Comparator.comparing(StoredInterval::intervalEnd));

        assertEquals(38, streamed.size());
        for (int i = 0; i < expected.size(); i++) {
            StoredInterval e = expected.get(i);
            StoredInterval s = streamed.get(i);
            assertEquals(e.intervalEnd(), s.intervalEnd());
            assertEquals(e.value(), s.value(), "value and scale as the driver gives them");
            assertEquals(e.quality(), s.quality());
            assertEquals(e.source(), s.source());
        }
        assertEquals(0, new BigDecimal("-1.125").compareTo(streamed.get(1).value()));
        assertEquals(Quality.POWER_OUTAGE, streamed.get(1).quality());
    }

    /**
     * An import's reads kept at hand are exactly the reads VEE would load (values at the table's
     * scale, quality, source), and are handed out only while the day's daily totals still carry that
     * import's write: a day edited since is loaded from the database.
     */
    @Test
    void readsAtHandAreTheStoredReadsUntilTheDayIsWrittenAgain() {
        LocalDate autumn = LocalDate.of(2013, 10, 27);
        LocalDate next = autumn.plusDays(1);
        List<IntervalRow> rows = day(autumn, "0.250", ReadSource.ACTUAL);
        rows.set(3, new IntervalRow(channel, rows.get(3).intervalEnd(), new BigDecimal("-1.125"), Quality.POWER_OUTAGE,
                ReadSource.ESTIMATED));
        rows.set(4, new IntervalRow(channel, rows.get(4).intervalEnd(), new BigDecimal("123456789012.1234567"),
                Quality.VALID, ReadSource.ACTUAL));
        rows.addAll(day(next, "1.5", ReadSource.ACTUAL));
        PendingDayStore pending = new PendingDayStore(dataSource, db.isPostgres() ? "PostgreSQL" : "H2");
        pending.queue(Map.of(channel, List.of(autumn, next)));
        assertEquals(new WriteResult(50 + 48, 0, 0, 0), store.write(rows, clocks, 7L));
        // An analyst's edit of one interval of the next day, after the import.
        store.write(List.of(new IntervalRow(channel, rows.get(60).intervalEnd(), new BigDecimal("2"), Quality.VALID,
                ReadSource.EDITED)), clocks, null);

        Map<LocalDate, PendingDay> queued = new java.util.HashMap<>();
        pending.oldest(100_000).stream().filter(d -> d.channelId() == channel).forEach(d -> queued.put(d.day(), d));
        List<StoredInterval> atHand = new ArrayList<>();
        IntervalStore.ReadSink sink = (id, end, value, quality, source) -> {
            assertEquals(channel, id);
            atHand.add(new StoredInterval(end, value, quality, source, 1, null));
        };
        assertEquals(false, store.readsAtHand(channel, List.of(queued.get(next).written()), sink), "edited since");
        assertTrue(store.readsAtHand(channel, List.of(queued.get(autumn).written()), sink));

        Instant from = autumn.atStartOfDay(LONDON).toInstant();
        List<StoredInterval> loaded = new ArrayList<>();
        store.forEachRead(List.of(channel), from, next.atStartOfDay(LONDON).toInstant().plusSeconds(1),
                (id, end, value, quality, source) -> loaded.add(new StoredInterval(end, value, quality, source, 1, null)));
        loaded.sort(java.util.Comparator.comparing(StoredInterval::intervalEnd));
        assertEquals(50, atHand.size());
        assertEquals(loaded, atHand);
        assertEquals(new BigDecimal("123456789012.123457"), atHand.get(4).value());
        assertEquals(false, store.readsAtHand(channel, List.of(queued.get(autumn).written()), sink), "handed out once");
    }

    @Test
    void aDayArrivingInPartsAddsUpToTheSameDailyTotal() {
        LocalDate day = LocalDate.of(2013, 1, 16);
        List<IntervalRow> rows = day(day, "0.250", ReadSource.ACTUAL);
        rows.set(10, new IntervalRow(channel, rows.get(10).intervalEnd(), new BigDecimal("3.5"), Quality.VALID,
                ReadSource.ESTIMATED));

        assertEquals(new WriteResult(20, 0, 0, 0), store.write(rows.subList(0, 20), clocks, null));
        assertEquals(new WriteResult(28, 0, 0, 0), store.write(rows.subList(20, 48), clocks, null));
        // a later part overlapping the stored ones: new and identical intervals mixed
        assertEquals(new WriteResult(0, 0, 0, 8), store.write(rows.subList(16, 24), clocks, null));

        DailyReading daily = store.daily(channel, day, day.plusDays(1)).get(0);
        assertEquals(0, new BigDecimal("15.25").compareTo(daily.total()), daily.toString());
        assertEquals(48, daily.readCount());
        assertEquals(1, daily.estimatedCount());
        assertEquals(0, new BigDecimal("3.5").compareTo(daily.maxValue()));
        // the batch form (VEE's like days; COPY on PostgreSQL) gives the same row, and none of other days
        assertEquals(List.of(daily), store.daily(List.of(channel, channel + 1_000_000), List.of(day.minusDays(7), day)));
        assertEquals(List.of(), store.daily(List.of(channel), List.of(day.minusDays(1), day.plusDays(1))));
        assertEquals(List.of(), store.daily(List.of(channel), List.of()));
    }

    @Test
    void aDirectCopyThatMeetsAStoredIntervalGivesWayToTheGeneralPathInTheSameTransaction() throws SQLException {
        org.junit.jupiter.api.Assumptions.assumeTrue(db.isPostgres(), "PostgreSQL's direct COPY path");
        LocalDate day = LocalDate.of(2013, 1, 17);
        List<IntervalRow> rows = day(day, "0.25", ReadSource.ACTUAL);
        store.write(rows.subList(5, 6), clocks, null);

        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            // As a concurrent writer would meet it: the probe is skipped, the COPY hits the stored interval.
            boolean direct = ((PostgresIntervalStore) store).copyAllNew(c, DayRuns.of(rows, clocks),
                    java.sql.Timestamp.from(Instant.now()), null);
            assertEquals(false, direct);
            try (var s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM interval_read"
                    + " WHERE channel_id = " + channel)) {
                r.next();
                assertEquals(1, r.getInt(1), "the transaction goes on, nothing of the COPY stored");
            }
            c.rollback();
        }
        assertEquals(new WriteResult(47, 0, 0, 1), store.write(rows, clocks, null));
    }

    @Test
    void resentIdenticalReadsAreDuplicatesAndChangeNothing() {
        LocalDate day = LocalDate.of(2013, 2, 1);
        store.write(day(day, "0.5", ReadSource.ACTUAL), clocks, null);

        WriteResult again = store.write(day(day, "0.500000", ReadSource.ACTUAL), clocks, null);

        assertEquals(new WriteResult(0, 0, 0, 48), again);
        assertEquals(1, current(day).version());
        assertTrue(store.history(channel, current(day).intervalEnd()).isEmpty());
    }

    @Test
    void aDifferentValueBecomesTheNewVersionAndTheOldOneMovesToHistory() {
        LocalDate day = LocalDate.of(2013, 2, 2);
        store.write(day(day, "0.5", ReadSource.ESTIMATED), clocks, null);
        Instant first = current(day).intervalEnd();

        WriteResult actual = store.write(List.of(new IntervalRow(channel, first, new BigDecimal("0.7"), 0,
                ReadSource.ACTUAL)), clocks, null);
        store.write(List.of(new IntervalRow(channel, first, new BigDecimal("0.8"), 0, ReadSource.ACTUAL)), clocks, null);

        assertEquals(new WriteResult(0, 1, 0, 0), actual);
        StoredInterval now = current(day);
        assertEquals(3, now.version());
        assertEquals(0, new BigDecimal("0.8").compareTo(now.value()));
        List<IntervalVersion> history = store.history(channel, first);
        assertEquals(List.of("ESTIMATE_REPLACED_BY_ACTUAL", "REPLACED"),
                history.stream().map(IntervalVersion::reason).toList());
        assertEquals(ReadSource.ESTIMATED, history.get(0).source());
        DailyReading daily = store.daily(channel, day, day.plusDays(1)).get(0);
        assertEquals(47, daily.estimatedCount());
        assertEquals(0, new BigDecimal("24.3").compareTo(daily.total()));
    }

    @Test
    void anEditStaysCurrentOverLaterAutomaticDataWhichIsKeptAsAVersion() {
        LocalDate day = LocalDate.of(2013, 2, 3);
        store.write(day(day, "0.5", ReadSource.ACTUAL), clocks, null);
        Instant first = current(day).intervalEnd();
        store.write(List.of(new IntervalRow(channel, first, new BigDecimal("0.9"), 0, ReadSource.EDITED)), clocks, null);

        WriteResult late = store.write(List.of(new IntervalRow(channel, first, new BigDecimal("0.6"), 0,
                ReadSource.ACTUAL)), clocks, null);

        assertEquals(new WriteResult(0, 0, 1, 0), late);
        assertEquals(ReadSource.EDITED, current(day).source());
        assertEquals(0, new BigDecimal("0.9").compareTo(current(day).value()));
        assertEquals(List.of("REPLACED", "ARRIVED_AFTER_EDIT"),
                store.history(channel, first).stream().map(IntervalVersion::reason).toList());
        assertEquals(1, store.daily(channel, day, day.plusDays(1)).get(0).editedCount());
    }

    @Test
    void daylightSavingDaysHave46And50HalfHoursInLocalTime() {
        LocalDate spring = LocalDate.of(2013, 3, 31);
        LocalDate autumn = LocalDate.of(2013, 10, 27);

        assertEquals(46, store.write(day(spring, "1", ReadSource.ACTUAL), clocks, null).inserted());
        assertEquals(50, store.write(day(autumn, "1", ReadSource.ACTUAL), clocks, null).inserted());

        assertEquals(46, store.daily(channel, spring, spring.plusDays(1)).get(0).readCount());
        assertEquals(50, store.daily(channel, autumn, autumn.plusDays(1)).get(0).readCount());
        // The interval ending at local midnight belongs to the day before (it starts at 23:30).
        assertTrue(store.daily(channel, autumn.minusDays(1), autumn).isEmpty());
    }

    @Test
    void aBatchMixingNewIdenticalAndChangedIntervalsIsCountedAndStoredRight() {
        LocalDate day = LocalDate.of(2013, 5, 1);
        store.write(day(day, "0.5", ReadSource.ACTUAL), clocks, null);
        List<IntervalRow> batch = new ArrayList<>(day(day, "0.5", ReadSource.ACTUAL));
        Instant changed = batch.get(10).intervalEnd();
        batch.set(10, new IntervalRow(channel, changed, new BigDecimal("0.9"), 0, ReadSource.ACTUAL));
        batch.addAll(day(day.plusDays(1), "0.25", ReadSource.ACTUAL));

        WriteResult result = store.write(batch, clocks, null);

        assertEquals(new WriteResult(48, 1, 0, 47), result);
        assertEquals(2, store.reads(channel, changed, changed.plusSeconds(1)).get(0).version());
        assertEquals(1, store.history(channel, changed).size());
        List<DailyReading> days = store.daily(channel, day, day.plusDays(2));
        assertEquals(0, new BigDecimal("24.4").compareTo(days.get(0).total()));
        assertEquals(0, new BigDecimal("12").compareTo(days.get(1).total()));
    }

    @Test
    void theLastOfRepeatedRowsInOneBatchWins() {
        Instant end = Instant.parse("2013-04-01T10:00:00Z");
        WriteResult result = store.write(List.of(
                new IntervalRow(channel, end, new BigDecimal("1"), 0, ReadSource.ACTUAL),
                new IntervalRow(channel, end, new BigDecimal("2"), 0, ReadSource.ACTUAL)), clocks, null);

        assertEquals(new WriteResult(1, 0, 0, 1), result);
        assertEquals(0, new BigDecimal("2").compareTo(store.reads(channel, end, end.plusSeconds(1)).get(0).value()));
    }

    @Test
    void readsForAMonthWithoutPartitionAreStoredInANewOne() throws SQLException {
        Instant future = Instant.parse("2031-07-15T12:00:00Z");
        WriteResult result = store.write(List.of(new IntervalRow(channel, future, BigDecimal.ONE, 0,
                ReadSource.ACTUAL)), clocks, null);

        assertEquals(1, result.inserted());
        if (db.isPostgres()) {
            try (Connection c = dataSource.getConnection();
                    ResultSet r = c.createStatement().executeQuery(
                            "SELECT to_regclass('interval_read_y2031m07') IS NOT NULL")) {
                r.next();
                assertTrue(r.getBoolean(1), "partition interval_read_y2031m07 was not created");
            }
        }
    }

    private StoredInterval current(LocalDate day) {
        return store.reads(channel, day.atStartOfDay(LONDON).toInstant(),
                day.plusDays(1).atStartOfDay(LONDON).toInstant()).get(0);
    }
}
