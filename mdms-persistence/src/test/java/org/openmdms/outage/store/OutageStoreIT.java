package org.openmdms.outage.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmdms.TestDatabase;
import org.openmdms.meter.entity.Meter;
import org.openmdms.meter.entity.RegistryBuilder;
import org.openmdms.meter.entity.UsagePoint;
import org.openmdms.reading.entity.MeterEventType;
import org.openmdms.reading.store.EventRow;
import org.openmdms.reading.store.MeterEventStore;
import org.openmdms.reading.store.WriteResult;

/**
 * Ingest's side of outage detection on a real database (H2, or PostgreSQL with
 * -Dmdms.test.db=postgresql, where a chunk of events is one {@code unnest} statement that also
 * queues them): stored power events are queued once, duplicates never, and the counts reconcile;
 * the last gasps of a feeder.
 */
class OutageStoreIT {

    private static final AtomicLong CODES = new AtomicLong();
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static TestDatabase db;
    private static DataSource dataSource;
    private static MeterEventStore events;
    private static OutageStore outages;
    private static boolean postgres;

    @BeforeAll
    static void database() throws SQLException {
        db = TestDatabase.create();
        dataSource = db.dataSource();
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        }
        events = new MeterEventStore(dataSource, product);
        outages = new OutageStore(dataSource, product);
        postgres = "PostgreSQL".equals(product);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    /** An installed meter: {meter id, usage point id}. */
    private long[] installed(String feeder, String transformer) {
        return db.inTransaction(em -> {
            long n = CODES.incrementAndGet();
            Meter m = RegistryBuilder.electricMeter("OUT-M-" + n + "-" + System.nanoTime());
            UsagePoint up = RegistryBuilder.usagePoint("OUT-UP-" + n + "-" + System.nanoTime(), "ACC-" + n, feeder,
                    transformer);
            em.persist(m);
            em.persist(up);
            up.install(m, T0.minusSeconds(86_400 * 30L));
            em.flush();
            return new long[] {m.id(), up.id()};
        });
    }

    private long meterInStock() {
        return db.inTransaction(em -> {
            Meter m = RegistryBuilder.electricMeter("OUT-STOCK-" + CODES.incrementAndGet() + "-" + System.nanoTime());
            em.persist(m);
            em.flush();
            return m.id();
        });
    }

    private static List<OutageRows.QueuedEvent> queuedAt(long... usagePoints) {
        List<OutageRows.QueuedEvent> mine = new ArrayList<>();
        for (OutageRows.QueuedEvent e : outages.queued(100_000)) {
            for (long up : usagePoints) {
                if (e.usagePointId() == up) {
                    mine.add(e);
                }
            }
        }
        return mine;
    }

    @Test
    void storedPowerEventsAreQueuedOnceAndDuplicatesNeverAndTheCountsReconcile() {
        long[] a = installed("OSI-F1", "OSI-F1-T1");
        long[] b = installed("OSI-F1", "OSI-F1-T2");
        long stock = meterInStock();
        long queueBefore = outages.queueLength();
        List<EventRow> chunk = List.of(
                new EventRow(a[0], a[1], MeterEventType.LAST_GASP, T0, "phase A"),
                new EventRow(b[0], b[1], MeterEventType.LAST_GASP, T0.plusSeconds(1), null),
                new EventRow(a[0], a[1], MeterEventType.TAMPER, T0.plusSeconds(2), "cover open"),
                new EventRow(a[0], a[1], MeterEventType.LAST_GASP, T0, "sent twice in the chunk"),
                new EventRow(stock, null, MeterEventType.LAST_GASP, T0, "in the workshop"),
                new EventRow(a[0], a[1], MeterEventType.POWER_RESTORE, T0.plusSeconds(600), "x".repeat(1200)));

        // 5 stored, the repeat in the chunk a duplicate; the 3 power events of installed meters queued.
        assertEquals(new WriteResult(5, 0, 0, 1), events.write(chunk, 7L));
        List<OutageRows.QueuedEvent> queued = queuedAt(a[1], b[1]);
        assertEquals(List.of(new OutageRows.QueuedEvent(a[1], T0, "LAST_GASP"),
                new OutageRows.QueuedEvent(b[1], T0.plusSeconds(1), "LAST_GASP"),
                new OutageRows.QueuedEvent(a[1], T0.plusSeconds(600), "POWER_RESTORE")), queued);
        assertEquals(queueBefore + 3, outages.queueLength());
        assertEquals("phase A", events.ofMeter(a[0], T0, T0.plusSeconds(1), 10).get(0).detail());
        assertEquals(MeterEventStore.MAX_DETAIL,
                events.ofMeter(a[0], T0.plusSeconds(600), T0.plusSeconds(601), 10).get(0).detail().length());

        // The detector applies them; the head-end sends the same chunk again with one new event:
        // only the new one is stored and queued.
        outages.dequeue(queued);
        List<EventRow> again = new ArrayList<>(chunk);
        again.add(new EventRow(b[0], b[1], MeterEventType.POWER_RESTORE, T0.plusSeconds(900), null));
        assertEquals(new WriteResult(1, 0, 0, 6), events.write(again, 8L));
        assertEquals(List.of(new OutageRows.QueuedEvent(b[1], T0.plusSeconds(900), "POWER_RESTORE")),
                queuedAt(a[1], b[1]));
        // A third time, queue untouched: still nothing queued twice.
        assertEquals(new WriteResult(0, 0, 0, 7), events.write(again, 9L));
        assertEquals(1, queuedAt(a[1], b[1]).size());

        // What the three writes counted as stored (5 + 1 + 0) is what the table holds.
        assertEquals(6, events.ofUsagePoint(a[1], T0.minusSeconds(1), T0.plusSeconds(3600), 100).size()
                + events.ofUsagePoint(b[1], T0.minusSeconds(1), T0.plusSeconds(3600), 100).size()
                + events.ofMeter(stock, T0.minusSeconds(1), T0.plusSeconds(3600), 100).size());
    }

    @Test
    void aLargeChunkIsStoredAndQueuedWhole() {
        List<long[]> meters = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            meters.add(installed("OSI-F2", "OSI-F2-T" + (i % 4)));
        }
        List<EventRow> chunk = new ArrayList<>();
        for (int minute = 0; minute < 60; minute++) {
            for (long[] m : meters) {
                chunk.add(new EventRow(m[0], m[1], minute % 2 == 0 ? MeterEventType.LAST_GASP
                        : MeterEventType.POWER_RESTORE, T0.plusSeconds(60L * minute), null));
            }
        }
        List<EventRow> half = chunk.subList(0, chunk.size() / 2);
        assertEquals(new WriteResult(half.size(), 0, 0, 0), events.write(half, 10L));
        assertEquals(new WriteResult(chunk.size() - half.size(), 0, 0, half.size()), events.write(chunk, 11L));
        assertEquals(chunk.size(), queuedAt(meters.stream().mapToLong(m -> m[1]).toArray()).size());
        outages.dequeue(queuedAt(meters.stream().mapToLong(m -> m[1]).toArray()));
    }

    @Test
    void theLastGaspsOfAFeederAreItsOwnAndRecentNewestFirst() {
        long[] a = installed("OSI-F3", "OSI-F3-T1");
        long[] b = installed("OSI-F3", "OSI-F3-T2");
        long[] other = installed("OSI-F4", "OSI-F4-T1");
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        events.write(List.of(
                new EventRow(a[0], a[1], MeterEventType.LAST_GASP, now.minusSeconds(300), null),
                new EventRow(a[0], a[1], MeterEventType.POWER_RESTORE, now.minusSeconds(200), null),
                new EventRow(a[0], a[1], MeterEventType.LAST_GASP, now.minusSeconds(3600), "too old"),
                new EventRow(b[0], b[1], MeterEventType.LAST_GASP, now.minusSeconds(60), null),
                new EventRow(b[0], b[1], MeterEventType.TAMPER, now.minusSeconds(30), null),
                new EventRow(other[0], other[1], MeterEventType.LAST_GASP, now.minusSeconds(10), "other feeder")), null);

        List<OutageRows.LastGasp> gasps = outages.lastGasps("OSI-F3", now.minusSeconds(900), 100);
        assertEquals(List.of("OSI-F3-T2", "OSI-F3-T1"), gasps.stream().map(OutageRows.LastGasp::transformer).toList());
        assertEquals(List.of(now.minusSeconds(60), now.minusSeconds(300)),
                gasps.stream().map(OutageRows.LastGasp::occurredAt).toList());
        assertEquals(1, outages.lastGasps("OSI-F4", now.minusSeconds(900), 100).size());
        outages.dequeue(queuedAt(a[1], b[1], other[1]));
    }

    @Test
    void outageIdsComeInBlocksOfTheSequencesStepAndNeverRepeat() {
        List<Long> many = outages.nextOutageIds(OutageStore.ID_BLOCK * 2 + 3);
        List<Long> more = outages.nextOutageIds(2);
        java.util.Set<Long> all = new java.util.HashSet<>(many);
        all.addAll(more);
        assertEquals(OutageStore.ID_BLOCK * 2 + 5, all.size());
        assertTrue(more.get(0) > many.get(many.size() - 1), "a new call starts a new block");
    }

    @Test
    void theDetectionGenerationCountsTheChangesMadeUnderTheLock() {
        long before = outages.lockDetection();
        assertEquals(before + 1, outages.advanceGeneration(before));
        assertEquals(before + 1, outages.lockDetection());
    }

    @Test
    void whatDetectionChangedIsWrittenAndWrittenAgain() {
        long[] a = installed("OSI-F5", "OSI-F5-T1");
        long[] b = installed("OSI-F5", "OSI-F5-T1");
        Instant off = T0.plusSeconds(86_400);
        Instant now = off.plusSeconds(120);
        List<Long> ids = outages.nextOutageIds(2);
        long feederId = ids.get(0);
        long transformerId = ids.get(1);
        // Opened: a feeder outage, a transformer outage under it, members, power, interruptions, notices.
        outages.saveOutages(List.of(new OutageRows.Outage(feederId, "FEEDER", "OSI-F5", null, "OPEN", off, now, null,
                now, 2, 2, 2, null, null, 1)));
        outages.saveOutages(List.of(new OutageRows.Outage(transformerId, "TRANSFORMER", "OSI-F5", "OSI-F5-T1", "OPEN",
                off, now, null, now, 2, 2, 2, feederId, null, 1)));
        outages.insertMembers(List.of(new OutageRows.Member(transformerId, a[1], off, null),
                new OutageRows.Member(transformerId, b[1], off.plusSeconds(1), null),
                new OutageRows.Member(feederId, a[1], off, null)));
        outages.saveMembers(List.of(new OutageRows.Member(feederId, b[1], off.plusSeconds(1), null)));
        outages.savePower(List.of(new OutageRows.Power(a[1], null, null, "OUT", off, off, transformerId),
                new OutageRows.Power(b[1], null, null, "OUT", off.plusSeconds(1), off.plusSeconds(1), transformerId)), now);
        // No interruption rows while they are open: the power states above are the open interruptions (V21).
        outages.addNotices(List.of(new OutageRows.NewNotice(feederId, 1, "OPENED", "{\"f\":1}"),
                new OutageRows.NewNotice(transformerId, 1, "OPENED", "{\"t\":1}")), false, now);

        // Then a comes back: the same rows written again with their new values.
        Instant on = now.plusSeconds(600);
        outages.saveOutages(List.of(new OutageRows.Outage(transformerId, "TRANSFORMER", "OSI-F5", "OSI-F5-T1",
                "PARTIALLY_RESTORED", off, now, null, on, 2, 2, 1, feederId, null, 2)));
        outages.saveMembers(List.of(new OutageRows.Member(transformerId, a[1], off, on),
                new OutageRows.Member(feederId, a[1], off, on)));
        outages.savePower(List.of(new OutageRows.Power(a[1], null, null, "ON", null, on, null)), on);
        outages.saveInterruptions(List.of(new OutageRows.Interruption(a[1], off, on, false)));
        outages.addNotices(List.of(new OutageRows.NewNotice(transformerId, 2, "UPDATED", "{\"t\":2}")), true, on);

        OutageRows.Outage transformer = outages.outage(transformerId).orElseThrow();
        assertEquals("PARTIALLY_RESTORED", transformer.state());
        assertEquals(feederId, transformer.parentId());
        assertEquals(1, transformer.out());
        assertEquals(2, transformer.version());
        assertEquals(List.of(transformer), outages.children(feederId));
        assertEquals(List.of(new OutageRows.Member(feederId, a[1], off, on),
                new OutageRows.Member(feederId, b[1], off.plusSeconds(1), null),
                new OutageRows.Member(transformerId, a[1], off, on),
                new OutageRows.Member(transformerId, b[1], off.plusSeconds(1), null)),
                outages.members(List.of(feederId, transformerId)));
        var power = outages.power(List.of(a[1], b[1])).stream()
                .collect(java.util.stream.Collectors.toMap(OutageRows.Power::usagePointId, p -> p));
        assertEquals("ON", power.get(a[1]).state());
        assertEquals(null, power.get(a[1]).outageId());
        assertEquals("OUT", power.get(b[1]).state());
        assertEquals(transformerId, power.get(b[1]).outageId());
        assertEquals(List.of(new OutageRows.Interruption(a[1], off, on, false)),
                outages.interruptions(a[1], off.minusSeconds(1), on.plusSeconds(1)));
        // b is still out: its open interruption is its power state.
        assertEquals(List.of(new OutageRows.Interruption(b[1], off.plusSeconds(1), null, false)),
                outages.interruptions(b[1], off.minusSeconds(1), on.plusSeconds(1)));
        assertEquals(List.of(), outages.interruptions(b[1], T0, off));
        assertEquals(java.util.Map.of(a[1], List.of(new OutageRows.Interruption(a[1], off, on, false)),
                b[1], List.of(new OutageRows.Interruption(b[1], off.plusSeconds(1), null, false))),
                outages.sustained(List.of(a[1], b[1]), off.minusSeconds(1), on.plusSeconds(1)));
        assertEquals(java.util.Map.of(b[1], List.of(new OutageRows.Interruption(b[1], off.plusSeconds(1), null, false))),
                outages.sustained(List.of(a[1], b[1]), on.plusSeconds(1), on.plusSeconds(2)));
        List<OutageRows.Notice> notices = outages.notices(transformerId);
        assertEquals(List.of("OPENED", "UPDATED"), notices.stream().map(OutageRows.Notice::kind).toList());
        assertEquals(List.of("NONE", "PENDING"), notices.stream().map(OutageRows.Notice::webhookStatus).toList());
        assertEquals("{\"t\":2}", notices.get(1).payload());
        assertEquals(true, notices.get(0).id() < notices.get(1).id());
    }

    @Test
    void appliedEventsLeaveTheQueue() {
        long[] a = installed("OSI-F6", "OSI-F6-T1");
        events.write(List.of(new EventRow(a[0], a[1], MeterEventType.LAST_GASP, T0.plusSeconds(5), null),
                new EventRow(a[0], a[1], MeterEventType.POWER_RESTORE, T0.plusSeconds(95), null)), null);
        List<OutageRows.QueuedEvent> queued = queuedAt(a[1]);
        assertEquals(2, queued.size());
        outages.dequeue(queued.subList(0, 1));
        assertEquals(queued.subList(1, 2), queuedAt(a[1]));
        outages.dequeue(List.of());
        outages.dequeue(queued);
        assertEquals(List.of(), queuedAt(a[1]));
    }

    @Test
    void powerStatesKeepTheirMicroseconds() {
        long[] a = installed("OSI-F8", "OSI-F8-T1");
        Instant off = T0.plusSeconds(7).plusNanos(123_456_000);
        Instant last = T0.minusSeconds(7).plusNanos(999_999_000); // before the epoch's second, too
        outages.savePower(List.of(new OutageRows.Power(a[1], null, null, "OUT", off, last, null)), T0);
        OutageRows.Power stored = outages.power(List.of(a[1])).get(0);
        assertEquals(off, stored.offAt());
        assertEquals(last, stored.lastEventAt());
    }

    @Test
    void newPowerStatesAreInsertedAndKnownOnesUpdated() {
        long[] a = installed("OSI-F9", "OSI-F9-T1");
        long[] b = installed("OSI-F9", "OSI-F9-T1");
        Instant off = T0.plusSeconds(30);
        outages.savePower(List.of(new OutageRows.Power(a[1], null, null, "PENDING", off, off, null)), List.of(), T0);
        outages.savePower(List.of(new OutageRows.Power(b[1], null, null, "PENDING", off, off, null)),
                List.of(new OutageRows.Power(a[1], null, null, "OUT", off, off.plusSeconds(1), 7L)), T0);
        var power = outages.power(List.of(a[1], b[1])).stream()
                .collect(java.util.stream.Collectors.toMap(OutageRows.Power::usagePointId, p -> p));
        assertEquals(new OutageRows.Power(a[1], "OSI-F9", "OSI-F9-T1", "OUT", off, off.plusSeconds(1), 7L), power.get(a[1]));
        assertEquals(new OutageRows.Power(b[1], "OSI-F9", "OSI-F9-T1", "PENDING", off, off, null), power.get(b[1]));
        if (postgres) {
            // A usage point taken for new that has a row after all: the insert fails (the step rolls back).
            // H2 and Oracle write both lists as one upsert.
            assertThrows(RuntimeException.class, () -> outages.savePower(
                    List.of(new OutageRows.Power(b[1], null, null, "OUT", off, off, null)), List.of(), T0));
        }
    }

    @Test
    void pendingUsagePointsAreFoundOnceTheyHaveWaited() {
        long[] pending = installed("OSI-F10", "OSI-F10-T1");
        long[] out = installed("OSI-F10", "OSI-F10-T1");
        long[] later = installed("OSI-F10", "OSI-F10-T1");
        // Before every other test's power states, so that the oldest pending are these.
        Instant off = T0.minus(java.time.Duration.ofDays(3000));
        outages.savePower(List.of(new OutageRows.Power(pending[1], null, null, "PENDING", off, off, null),
                new OutageRows.Power(out[1], null, null, "OUT", off, off, null),
                new OutageRows.Power(later[1], null, null, "PENDING", off.plusSeconds(60), off.plusSeconds(60), null)),
                T0);
        assertEquals(List.of(pending[1]), outages.pendingSince(off.plusSeconds(30), 10));
        assertEquals(List.of(pending[1], later[1]), outages.pendingSince(off.plusSeconds(60), 2));
        outages.savePower(List.of(), List.of(new OutageRows.Power(pending[1], null, null, "OUT", off, off, null),
                new OutageRows.Power(later[1], null, null, "ON", null, off.plusSeconds(90), null)), T0);
        assertEquals(List.of(), outages.pendingSince(off.plusSeconds(60), 2));
    }

    @Test
    void takingEventsRemovesTheOldestFromTheQueue() {
        long[] a = installed("OSI-F7", "OSI-F7-T1");
        // Older than any other test's events, so that they are the oldest in the queue.
        Instant old = T0.minus(java.time.Duration.ofDays(3650));
        events.write(List.of(new EventRow(a[0], a[1], MeterEventType.POWER_RESTORE, old.plusSeconds(95), null),
                new EventRow(a[0], a[1], MeterEventType.LAST_GASP, old.plusSeconds(5), null)), null);
        List<OutageRows.QueuedEvent> first = outages.take(1);
        assertEquals(List.of(new OutageRows.QueuedEvent(a[1], old.plusSeconds(5), "LAST_GASP")), first);
        assertEquals(List.of(new OutageRows.QueuedEvent(a[1], old.plusSeconds(95), "POWER_RESTORE")), queuedAt(a[1]));
        assertEquals(List.of(new OutageRows.QueuedEvent(a[1], old.plusSeconds(95), "POWER_RESTORE")), outages.take(1));
        assertEquals(List.of(), queuedAt(a[1]));
        // Fewer queued than asked for: all of them, oldest first.
        events.write(List.of(new EventRow(a[0], a[1], MeterEventType.LAST_GASP, old.plusSeconds(200), null),
                new EventRow(a[0], a[1], MeterEventType.POWER_RESTORE, old.plusSeconds(300), null)), null);
        List<OutageRows.QueuedEvent> all = outages.take(1_000_000);
        assertEquals(List.of(new OutageRows.QueuedEvent(a[1], old.plusSeconds(200), "LAST_GASP"),
                new OutageRows.QueuedEvent(a[1], old.plusSeconds(300), "POWER_RESTORE")), all.subList(0, 2));
        assertEquals(List.of(), queuedAt(a[1]));
    }

    @Test
    void meterEventsAreNotIndexedByTypeAndTimeAnyMore() throws SQLException {
        // V18: the feeder's last gasps come from its usage points' events, read from the index alone.
        List<String> indexes = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            String table = c.getMetaData().storesUpperCaseIdentifiers() ? "METER_EVENT" : "meter_event";
            try (ResultSet r = c.getMetaData().getIndexInfo(null, c.getSchema(), table, false, false)) {
                while (r.next()) {
                    if (r.getString("INDEX_NAME") != null) {
                        indexes.add(r.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        assertFalse(indexes.contains("ix_meter_event_type_time"), indexes.toString());
        assertFalse(indexes.contains("ix_meter_event_usage_point"), indexes.toString());
        assertEquals(true, indexes.contains("ix_meter_event_usage_point_type"), indexes.toString());
    }
}
