package org.openmdms.meter.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openmdms.meter.entity.RegistryBuilder.electricMeter;
import static org.openmdms.meter.entity.RegistryBuilder.usagePoint;

import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmdms.TestDatabase;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.Meter;
import org.openmdms.meter.entity.MeterStatus;
import org.openmdms.meter.entity.ReadingType;
import org.openmdms.meter.entity.Unit;
import org.openmdms.meter.entity.UsagePoint;
import org.openmdms.paging.Page;
import org.openmdms.paging.PageRequest;

/** The registry stores against a real, migrated database (H2, or PostgreSQL with -Dmdms.test.db=postgresql). */
class RegistryStoreIT {

    private static final Instant JAN = Instant.parse("2013-01-01T00:00:00Z");
    private static final Instant JUN = Instant.parse("2013-06-01T00:00:00Z");
    private static TestDatabase db;

    @BeforeAll
    static void registry() {
        db = TestDatabase.create();
        db.run(em -> {
            MeterStore meters = new MeterStore(em);
            UsagePointStore usagePoints = new UsagePointStore(em);
            for (int i = 1; i <= 30; i++) {
                String feeder = i <= 10 ? "FDR-A" : "FDR-B";
                UsagePoint up = usagePoint(String.format("UP-%03d", i), String.format("ACC-%03d", i), feeder,
                        feeder + "-T" + (i % 3));
                up.addChannel(ReadingType.interval(Unit.KWH, 30, FlowDirection.DELIVERED), BigDecimal.ONE);
                usagePoints.add(up);
                Meter meter = electricMeter(String.format("SN%05d", i));
                meters.add(meter);
                up.install(meter, JAN);
            }
            meters.add(electricMeter("SPARE-1"));
        });
        db.run(em -> {
            UsagePoint up = new UsagePointStore(em).findByCode("UP-001").orElseThrow();
            Meter replacement = electricMeter("SN99999");
            new MeterStore(em).add(replacement);
            up.exchange(replacement, JUN);
        });
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void installationHistorySurvivesTheRoundTrip() {
        db.run(em -> {
            UsagePoint up = new UsagePointStore(em).findByCode("UP-001").orElseThrow();
            assertEquals(2, up.installations().size());
            assertEquals("SN00001", up.installations().get(0).meter().serialNumber());
            assertEquals(JUN, up.installations().get(0).installedTo());
            assertEquals("SN99999", up.currentInstallation().orElseThrow().meter().serialNumber());
            assertEquals(1, up.channels().size());
            assertEquals(MeterStatus.REMOVED, new MeterStore(em).findBySerialNumber("SN00001").orElseThrow().status());
        });
    }

    @Test
    void factsForVeeAreTheUsagePointsChannelsAndInstallationsAsValues() {
        db.run(em -> {
            UsagePoint up = new UsagePointStore(em).findByCode("UP-002").orElseThrow();
            up.addChannel(ReadingType.register(Unit.KWH, FlowDirection.DELIVERED), BigDecimal.ONE);
            up.changeServiceCapacity(new BigDecimal("15.000"));
        });
        java.util.Map<String, UsagePointFacts> facts = db.inTransaction(em -> new UsagePointStore(em)
                .lockFacts(List.of("UP-001", "UP-002", "UP-NONE")));

        assertEquals(java.util.Set.of("UP-001", "UP-002"), facts.keySet());
        UsagePointFacts exchanged = facts.get("UP-001");
        UsagePoint entity = db.inTransaction(em -> new UsagePointStore(em).findByCode("UP-001").orElseThrow());
        assertEquals(entity.id(), exchanged.id());
        assertEquals(entity.commodity(), exchanged.commodity());
        assertEquals(entity.customerClass(), exchanged.customerClass());
        assertEquals(entity.timeZone(), exchanged.timeZone());
        assertNull(exchanged.serviceCapacityKw());
        assertEquals(List.of(new UsagePointFacts.Installed(JAN, JUN), new UsagePointFacts.Installed(JUN, null)),
                exchanged.installations());
        assertEquals(List.of(ReadingType.interval(Unit.KWH, 30, FlowDirection.DELIVERED)),
                exchanged.channels().stream().map(UsagePointFacts.ChannelFacts::readingType).toList());
        UsagePointFacts withRegister = facts.get("UP-002");
        assertEquals(0, new BigDecimal("15").compareTo(withRegister.serviceCapacityKw()));
        assertEquals(2, withRegister.channels().size());
        assertEquals(1, withRegister.channels().stream().filter(c -> c.readingType().isRegister()).count());
        assertEquals(List.of(new UsagePointFacts.Installed(JAN, null)), withRegister.installations());
    }

    @Test
    void searchFiltersByFeederAndPages() {
        Page<MeterSummary> page = db.inTransaction(em -> new MeterStore(em).search(
                new MeterQuery(null, null, null, "fdr-a", null), new PageRequest(0, 4, "serialNumber", false)));

        assertEquals(10, page.total());
        assertEquals(List.of("SN00002", "SN00003", "SN00004", "SN00005"),
                page.items().stream().map(MeterSummary::serialNumber).toList());
        assertEquals("FDR-A", page.items().get(0).feeder());
        Page<MeterSummary> rowsOnly = db.inTransaction(em -> new MeterStore(em).search(
                new MeterQuery(null, null, null, "fdr-a", null), new PageRequest(0, 4, "serialNumber", false).withoutTotal()));
        assertEquals(Page.UNCOUNTED, rowsOnly.total());
        assertEquals(page.items(), rowsOnly.items());
    }

    @Test
    void searchFindsRemovedAndSpareMetersWithoutUsagePoint() {
        Page<MeterSummary> removed = db.inTransaction(em -> new MeterStore(em).search(
                new MeterQuery(null, null, null, null, MeterStatus.REMOVED), PageRequest.first(10)));
        Page<MeterSummary> spare = db.inTransaction(em -> new MeterStore(em).search(
                new MeterQuery("spare", null, null, null, null), PageRequest.first(10)));

        assertEquals(1, removed.total());
        assertNull(removed.items().get(0).usagePoint());
        assertEquals(MeterStatus.IN_STOCK, spare.items().get(0).status());
    }

    @Test
    void searchByAccountAndUsagePointSortedDescending() {
        Page<MeterSummary> page = db.inTransaction(em -> new MeterStore(em).search(
                new MeterQuery(null, "UP-0", "acc-01", null, null), new PageRequest(0, 50, "usagePoint", true)));

        assertEquals(10, page.total());
        assertEquals("UP-019", page.items().get(0).usagePoint());
        assertEquals("UP-010", page.items().get(9).usagePoint());
    }

    @Test
    void wildcardsTypedByUsersAreLiteral() {
        Page<MeterSummary> page = db.inTransaction(em -> new MeterStore(em).search(
                new MeterQuery("SN%", null, null, null, null), PageRequest.first(10)));
        assertEquals(0, page.total());
    }

    @Test
    void usagePointSearchShowsTheCurrentMeter() {
        Page<UsagePointSummary> page = db.inTransaction(em -> new UsagePointStore(em).search(
                new UsagePointQuery("up-001", null, null, null, null, null), PageRequest.first(10)));

        assertEquals(1, page.total());
        assertEquals("SN99999", page.items().get(0).meterSerialNumber());
    }

    @Test
    void headerSearchFindsMetersUsagePointsAndAccounts() {
        List<RegistryHit> meters = db.inTransaction(em -> new MeterStore(em).hits("sn0000", 20));
        List<RegistryHit> accounts = db.inTransaction(em -> new UsagePointStore(em).hits("ACC-030", 20));

        assertEquals(9, meters.size());
        assertEquals("UP-030", accounts.get(0).key());
        assertEquals(java.util.Map.of("FDR-A", 10L, "FDR-B", 20L),
                db.inTransaction(em -> new UsagePointStore(em).countByFeeder()));
    }

    @Test
    void duplicateSerialNumbersAreRefusedByTheDatabase() {
        assertThrows(PersistenceException.class, () -> db.run(em -> {
            new MeterStore(em).add(electricMeter("SN00002"));
            em.flush();
        }));
    }

    @Test
    void secondOpenInstallationIsRefusedByPostgresEvenIfJavaWasBypassed() {
        if (!db.isPostgres()) {
            return;
        }
        assertThrows(PersistenceException.class, () -> db.run(em -> em.createNativeQuery(
                "INSERT INTO meter_installation (id, meter_id, usage_point_id, installed_from)"
                        + " SELECT 999999, m.id, up.id, CURRENT_TIMESTAMP FROM meter m, usage_point up"
                        + " WHERE m.serial_number = 'SPARE-1' AND up.code = 'UP-002'").executeUpdate()));
        assertTrue(db.isPostgres());
    }
}
