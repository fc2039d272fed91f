package org.openmdms.meter.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.CustomerClass;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.Unit;
import org.openmdms.meter.entity.UsagePoint;

class RegistryCsvTest {

    private final List<RegistryRow> rows = new ArrayList<>();
    private final List<RowError> errors = new ArrayList<>();

    private void read(String csv) {
        RegistryCsv.read(new BufferedReader(new StringReader(csv)), rows::add, errors::add);
    }

    @Test
    void readsAFullRowWithQuotedAddressAndSeveralChannels() {
        read(String.join(",", RegistryCsv.COLUMNS) + "\n"
                + "UP-1,E,commercial,Europe/London,ACC-1,\"1 High Street, London\",F1,F1-T1,51.5,-0.12,69.282,SN-1,Itron,E650,40,"
                + "2013-03-31,KWH:15:DELIVERED;KW:15:delivered;KWH:REG:RECEIVED:2.5\n");

        assertEquals(List.of(), errors);
        RegistryRow row = rows.get(0);
        assertEquals(2, row.line());
        assertEquals("1 High Street, London", row.usagePoint().premiseAddress());
        assertEquals(new BigDecimal("69.282"), row.usagePoint().serviceCapacityKw());
        assertEquals(Commodity.ELECTRIC, row.meter().commodity());
        assertEquals(new BigDecimal("40"), row.meter().multiplier());
        // A date alone is local midnight in the usage point's zone: 2013-03-31 00:00 GMT (DST starts at 01:00).
        assertEquals(Instant.parse("2013-03-31T00:00:00Z"), row.installedFrom());
        assertEquals(3, row.channels().size());
        assertNull(row.channels().get(2).intervalMinutes());
        assertEquals(FlowDirection.RECEIVED, row.channels().get(2).flowDirection());
        assertEquals(Unit.KW, row.channels().get(1).unit());
    }

    @Test
    void localTimesFollowTheUsagePointZoneAcrossDst() {
        read("usage_point_id,commodity,customer_class,time_zone,meter_serial,installed_from\n"
                + "UP-1,E,RESIDENTIAL,Europe/London,M1,2013-07-01T10:30\n"
                + "UP-2,E,RESIDENTIAL,America/New_York,M2,2013-01-15T08:00\n"
                + "UP-3,E,RESIDENTIAL,Europe/London,M3,2013-07-01T10:30:00+02:00\n");

        assertEquals(Instant.parse("2013-07-01T09:30:00Z"), rows.get(0).installedFrom());
        assertEquals(Instant.parse("2013-01-15T13:00:00Z"), rows.get(1).installedFrom());
        assertEquals(Instant.parse("2013-07-01T08:30:00Z"), rows.get(2).installedFrom());
    }

    @Test
    void eachBadRowIsRejectedWithItsLineAndReasonAndTheOthersAreRead() {
        read("usage_point_id,commodity,customer_class,time_zone,latitude,longitude,channels\n"
                + "UP-1,E,RESIDENTIAL,Europe/London,51.5,-0.1,KWH:30:DELIVERED\n"
                + "UP-2,X,RESIDENTIAL,Europe/London,,,\n"
                + "UP-3,E,RESIDENTIAL,Nowhere/City,,,\n"
                + "UP-4,E,RESIDENTIAL,Europe/London,north,,\n"
                + "UP-5,E,RESIDENTIAL,Europe/London,,,KWH:7:DELIVERED\n"
                + "UP-6,E,RESIDENTIAL,Europe/London,,\n"
                + "UP-8,E,RESIDENTIAL,Europe/London,95,0,\n"
                + "\"UP-7,E,RESIDENTIAL,Europe/London,,,\n");

        assertEquals(List.of("UP-1"), rows.stream().map(r -> r.usagePoint().code()).toList());
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L, 9L), errors.stream().map(RowError::line).toList());
        assertTrue(errors.get(0).reason().contains("commodity 'X'"), errors.get(0).reason());
        assertTrue(errors.get(1).reason().contains("Nowhere/City"));
        assertTrue(errors.get(2).reason().contains("latitude 'north' is not a number"));
        assertTrue(errors.get(3).reason().contains("[1, 5, 10, 15, 30, 60]"), errors.get(3).reason());
        assertTrue(errors.get(4).reason().contains("has 6 fields, the header has 7"));
        assertTrue(errors.get(5).reason().contains("latitude"), errors.get(5).reason());
        assertTrue(errors.get(6).reason().contains("not closed"));
    }

    @Test
    void aMeterNeedsNoInstallationTimeToBeReadButABadOneIsRefused() {
        read("usage_point_id,commodity,customer_class,time_zone,meter_serial,installed_from\n"
                + "UP-1,G,RESIDENTIAL,Europe/London,G1,\n"
                + "UP-2,G,RESIDENTIAL,Europe/London,G2,31/01/2013\n");

        assertNull(rows.get(0).installedFrom());
        assertEquals(Commodity.GAS, rows.get(0).meter().commodity());
        assertTrue(errors.get(0).reason().contains("installed_from '31/01/2013'"));
    }

    @Test
    void aFileWithoutAUsableHeaderIsRefusedWhole() {
        RegistryFileRefused missing = assertThrows(RegistryFileRefused.class,
                () -> read("usage_point_id,commodity\nUP-1,E\n"));
        RegistryFileRefused unknown = assertThrows(RegistryFileRefused.class,
                () -> read("usage_point_id,commodity,customer_class,time_zone,colour\n"));
        RegistryFileRefused twice = assertThrows(RegistryFileRefused.class,
                () -> read("usage_point_id,commodity,customer_class,time_zone,feeder,FEEDER\n"));

        assertTrue(missing.getMessage().contains("missing columns [customer_class, time_zone]"), missing.getMessage());
        assertTrue(unknown.getMessage().contains("unknown columns [colour]"));
        assertTrue(twice.getMessage().contains("named twice"));
        assertThrows(RegistryFileRefused.class, () -> read(""));
        assertTrue(rows.isEmpty());
    }

    @Test
    void serviceCapacityIsAnOptionalDecimalAboveZeroAndABadOneRejectsItsRowWithLineAndReason() {
        read("usage_point_id,commodity,customer_class,time_zone,service_capacity_kw\n"
                + "UP-1,E,RESIDENTIAL,Europe/London,15\n"
                + "UP-2,E,RESIDENTIAL,Europe/London,\n"
                + "UP-3,E,RESIDENTIAL,Europe/London,-2\n"
                + "UP-4,E,RESIDENTIAL,Europe/London,15 kW\n"
                + "UP-5,E,RESIDENTIAL,Europe/London,0\n"
                + "UP-6,E,COMMERCIAL,Europe/London,\" 69.5 \"\n"
                + "UP-7,E,RESIDENTIAL,Europe/London,1.0005\n");

        assertEquals(List.of("UP-1", "UP-2", "UP-6"), rows.stream().map(r -> r.usagePoint().code()).toList());
        assertEquals(new BigDecimal("15"), rows.get(0).usagePoint().serviceCapacityKw());
        assertNull(rows.get(1).usagePoint().serviceCapacityKw(), "blank: not known");
        assertTrue(rows.get(1).columns().contains("service_capacity_kw"), "a blank in a present column clears");
        assertEquals(new BigDecimal("69.5"), rows.get(2).usagePoint().serviceCapacityKw());
        assertEquals(List.of(4L, 5L, 6L, 8L), errors.stream().map(RowError::line).toList());
        assertEquals("service_capacity_kw '-2' must be more than 0 (kW)", errors.get(0).reason());
        assertEquals("service_capacity_kw '15 kW' is not a number", errors.get(1).reason());
        assertEquals("service_capacity_kw '0' must be more than 0 (kW)", errors.get(2).reason());
        assertTrue(errors.get(3).reason().contains("3 decimals"), errors.get(3).reason());
    }

    @Test
    void aFileWithoutTheCapacityColumnKeepsTheKnownCapacityAndABlankOneClearsIt() {
        UsagePoint known = new UsagePoint("UP-1", Commodity.ELECTRIC, CustomerClass.RESIDENTIAL,
                ZoneId.of("Europe/London"));
        known.changeServiceCapacity(new BigDecimal("15"));
        read("usage_point_id,commodity,customer_class,time_zone\nUP-1,E,RESIDENTIAL,Europe/London\n");
        read("usage_point_id,commodity,customer_class,time_zone,service_capacity_kw\nUP-1,E,RESIDENTIAL,Europe/London,\n");

        assertEquals(List.of(), errors);
        assertEquals(new BigDecimal("15.000"), rows.get(0).usagePointOver(known).serviceCapacityKw());
        assertNull(rows.get(1).usagePointOver(known).serviceCapacityKw());
    }
}
