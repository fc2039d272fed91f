package org.openmdms.reading.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmdms.TestDatabase;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.Meter;
import org.openmdms.meter.entity.ReadingType;
import org.openmdms.meter.entity.RegistryBuilder;
import org.openmdms.meter.entity.Unit;
import org.openmdms.meter.entity.UsagePoint;
import org.openmdms.reading.entity.MeterEventType;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;

/** Register reads and meter events on a real database (H2, or PostgreSQL with -Dmdms.test.db=postgresql). */
class RegisterReadAndEventStoreIT {

    private static final AtomicLong CODES = new AtomicLong();
    private static final Instant T0 = Instant.parse("2013-03-01T00:00:00Z");
    private static TestDatabase db;
    private static RegisterReadStore registers;
    private static MeterEventStore events;

    private long channel;
    private long meter;
    private long usagePoint;

    @BeforeAll
    static void database() throws SQLException {
        db = TestDatabase.create();
        DataSource dataSource = db.dataSource();
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        }
        registers = new RegisterReadStore(dataSource, product);
        events = new MeterEventStore(dataSource, product);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void anInstalledMeterWithARegisterChannel() {
        long[] ids = db.inTransaction(em -> {
            long n = CODES.incrementAndGet();
            Meter m = RegistryBuilder.electricMeter("REG-M-" + n + "-" + System.nanoTime());
            UsagePoint up = RegistryBuilder.residential("REG-UP-" + n + "-" + System.nanoTime());
            var c = up.addChannel(ReadingType.register(Unit.KWH, FlowDirection.DELIVERED), BigDecimal.ONE);
            em.persist(m);
            em.persist(up);
            up.install(m, T0.minusSeconds(86_400 * 90L));
            em.flush();
            return new long[] {c.id(), m.id(), up.id()};
        });
        channel = ids[0];
        meter = ids[1];
        usagePoint = ids[2];
    }

    private RegisterRow read(Instant at, String value, ReadSource source) {
        return new RegisterRow(channel, at, new BigDecimal(value), Quality.VALID, source);
    }

    @Test
    void registerReadsAreStoredAndAnIdenticalResendIsADuplicate() {
        List<RegisterRow> days = new ArrayList<>();
        for (int d = 0; d < 5; d++) {
            days.add(read(T0.plusSeconds(86_400L * d), String.valueOf(1000 + 7 * d), ReadSource.ACTUAL));
        }

        assertEquals(new WriteResult(5, 0, 0, 0), registers.write(days, null));
        assertEquals(new WriteResult(0, 0, 0, 5), registers.write(days, null));

        List<StoredRegisterRead> stored = registers.reads(channel, T0, T0.plusSeconds(86_400L * 5));
        assertEquals(5, stored.size());
        assertEquals(0, new BigDecimal("1028").compareTo(stored.get(4).value()));
        assertEquals(1, stored.get(4).version());
    }

    @Test
    void aDifferentValueBecomesCurrentAndThePreviousIsKeptWithWhy() {
        Instant at = T0.plusSeconds(3600);
        registers.write(List.of(read(at, "500.5", ReadSource.ESTIMATED)), 7L);

        WriteResult actual = registers.write(List.of(read(at, "501.25", ReadSource.ACTUAL)), 8L);
        registers.write(List.of(read(at, "502", ReadSource.ACTUAL)), 9L);

        assertEquals(new WriteResult(0, 1, 0, 0), actual);
        StoredRegisterRead now = registers.reads(channel, at, at.plusSeconds(1)).get(0);
        assertEquals(3, now.version());
        assertEquals(0, new BigDecimal("502").compareTo(now.value()));
        List<RegisterReadVersion> history = registers.history(channel, at);
        assertEquals(List.of("ESTIMATE_REPLACED_BY_ACTUAL", "REPLACED"),
                history.stream().map(RegisterReadVersion::reason).toList());
        assertEquals(ReadSource.ESTIMATED, history.get(0).source());
        assertEquals(2, history.get(1).version());
    }

    @Test
    void inOneBatchTheLastOfRepeatedReadsWinsAndNewIdenticalAndChangedAreCounted() {
        Instant a = T0.plusSeconds(7200);
        Instant b = a.plusSeconds(3600);
        registers.write(List.of(read(a, "10", ReadSource.ACTUAL), read(b, "11", ReadSource.ACTUAL)), null);

        WriteResult result = registers.write(List.of(read(a, "10", ReadSource.ACTUAL), read(b, "12", ReadSource.ACTUAL),
                read(b.plusSeconds(60), "13", ReadSource.ACTUAL), read(b.plusSeconds(60), "14", ReadSource.ACTUAL)),
                null);

        assertEquals(new WriteResult(1, 1, 0, 2), result);
        assertEquals(0, new BigDecimal("14").compareTo(
                registers.reads(channel, b.plusSeconds(60), b.plusSeconds(61)).get(0).value()));
    }

    @Test
    void eventsAreStoredOnceAndReadByUsagePointAndByMeter() {
        List<EventRow> storm = List.of(
                new EventRow(meter, usagePoint, MeterEventType.LAST_GASP, T0.plusSeconds(60), "phase A"),
                new EventRow(meter, usagePoint, MeterEventType.POWER_RESTORE, T0.plusSeconds(960), null),
                new EventRow(meter, usagePoint, MeterEventType.LAST_GASP, T0.plusSeconds(60), "sent twice"));

        assertEquals(new WriteResult(2, 0, 0, 1), events.write(storm, 3L));
        assertEquals(new WriteResult(0, 0, 0, 3), events.write(storm, 4L));

        List<StoredEvent> atUsagePoint = events.ofUsagePoint(usagePoint, T0, T0.plusSeconds(3600), 100);
        assertEquals(List.of(MeterEventType.LAST_GASP, MeterEventType.POWER_RESTORE),
                atUsagePoint.stream().map(StoredEvent::type).toList());
        assertEquals("phase A", atUsagePoint.get(0).detail());
        assertEquals("Europe/London", atUsagePoint.get(0).timeZone());
        assertEquals(2, events.ofMeter(meter, T0, T0.plusSeconds(3600), 100).size());
        assertEquals(1, events.ofMeter(meter, T0, T0.plusSeconds(3600), 1).size());
        assertTrue(events.ofMeter(meter, T0.plusSeconds(961), T0.plusSeconds(3600), 100).isEmpty());
        assertEquals(T0.plusSeconds(960), events.latestAtUsagePoint(usagePoint).orElseThrow());
    }

    @Test
    void anEventOfAMeterThatWasNotInstalledHasNoUsagePoint() {
        Instant before = T0.minusSeconds(86_400 * 200L);
        events.write(List.of(new EventRow(meter, null, MeterEventType.LOW_BATTERY, before, "in stock")), null);

        StoredEvent event = events.ofMeter(meter, before, before.plusSeconds(1), 10).get(0);

        assertNull(event.usagePoint());
        assertEquals("Low battery", event.typeLabel());
        assertTrue(events.ofUsagePoint(usagePoint, before, before.plusSeconds(1), 10).isEmpty());
    }

    @Test
    void onPostgresqlTheMetersOfEventsAreLookedUpWithTheirInstallationsInOneQuery() {
        String serial = db.inTransaction(em -> em.find(Meter.class, meter).serialNumber());
        var found = events.metersOf(List.of(serial, "NO-SUCH-METER"));
        if (!db.isPostgres()) {
            assertTrue(found.isEmpty(), "elsewhere the registry's queries map events");
            return;
        }
        MeterEventStore.EventMeters meters = found.orElseThrow();
        assertEquals(java.util.Map.of(serial, meter), meters.meterIds());
        assertEquals(1, meters.placements().size());
        var placement = meters.placements().get(0);
        assertEquals(usagePoint, placement.usagePointId());
        assertTrue(placement.covers(T0) && !placement.covers(T0.minusSeconds(86_400 * 91L)));
        assertTrue(events.metersOf(List.of()).orElseThrow().meterIds().isEmpty());
    }
}
