package org.openmdms.meter.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openmdms.meter.entity.RegistryBuilder.electricMeter;
import static org.openmdms.meter.entity.RegistryBuilder.residential;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UsagePointTest {

    private static final Instant JAN = Instant.parse("2013-01-01T00:00:00Z");
    private static final Instant JUN = Instant.parse("2013-06-01T10:30:00Z");
    private static final Instant SEP = Instant.parse("2013-09-01T00:00:00Z");

    @Test
    void installingAMeterMakesItTheCurrentOneAndMarksItInstalled() {
        UsagePoint up = residential("UP-1");
        Meter meter = electricMeter("M-1");

        up.install(meter, JAN);

        assertSame(meter, up.currentInstallation().orElseThrow().meter());
        assertEquals(MeterStatus.INSTALLED, meter.status());
        assertSame(up, meter.currentInstallation().orElseThrow().usagePoint());
    }

    @Test
    void secondInstallationOnAnOccupiedUsagePointIsRefused() {
        UsagePoint up = residential("UP-1");
        up.install(electricMeter("M-1"), JAN);

        RegistryRuleViolation e = assertThrows(RegistryRuleViolation.class, () -> up.install(electricMeter("M-2"), JUN));

        assertTrue(e.getMessage().contains("already has meter M-1"), e.getMessage());
        assertEquals(1, up.installations().size());
    }

    @Test
    void aMeterCannotServeTwoUsagePointsAtOnce() {
        Meter meter = electricMeter("M-1");
        residential("UP-1").install(meter, JAN);

        RegistryRuleViolation e = assertThrows(RegistryRuleViolation.class, () -> residential("UP-2").install(meter, JUN));

        assertTrue(e.getMessage().contains("already installed at UP-1"), e.getMessage());
    }

    @Test
    void installationBeforeALaterClosedOneWouldOverlapAndIsRefused() {
        UsagePoint up = residential("UP-1");
        up.install(electricMeter("M-1"), JUN);
        up.removeMeter(SEP);

        assertThrows(RegistryRuleViolation.class, () -> up.install(electricMeter("M-2"), JAN));
        up.install(electricMeter("M-3"), SEP);
        assertEquals(2, up.installations().size());
    }

    @Test
    void exchangeClosesTheOldInstallationAtTheInstantTheNewOneStarts() {
        UsagePoint up = residential("UP-1");
        Meter old = electricMeter("M-1");
        Meter replacement = electricMeter("M-2");
        up.install(old, JAN);

        MeterInstallation installed = up.exchange(replacement, JUN);

        MeterInstallation closed = up.installations().get(0);
        assertEquals(JUN, closed.installedTo());
        assertEquals(JUN, installed.installedFrom());
        assertEquals(MeterStatus.REMOVED, old.status());
        assertEquals(MeterStatus.INSTALLED, replacement.status());
        // Every instant belongs to exactly one meter: the last interval of the old meter ends
        // where the new meter's first begins.
        assertSame(old, up.installationAt(JUN.minusSeconds(1)).orElseThrow().meter());
        assertSame(replacement, up.installationAt(JUN).orElseThrow().meter());
        assertFalse(old.installationAt(JUN).isPresent());
    }

    @Test
    void exchangeToAMeterInstalledElsewhereChangesNothing() {
        Meter busy = electricMeter("M-9");
        residential("UP-9").install(busy, JAN);
        UsagePoint up = residential("UP-1");
        Meter old = electricMeter("M-1");
        up.install(old, JAN);

        assertThrows(RegistryRuleViolation.class, () -> up.exchange(busy, JUN));

        assertTrue(up.currentInstallation().isPresent());
        assertSame(old, up.currentInstallation().get().meter());
    }

    @Test
    void removalMustComeAfterTheInstallation() {
        UsagePoint up = residential("UP-1");
        up.install(electricMeter("M-1"), JUN);

        assertThrows(RegistryRuleViolation.class, () -> up.removeMeter(JUN));
        assertThrows(RegistryRuleViolation.class, () -> up.removeMeter(JAN));
        up.removeMeter(SEP);
        assertThrows(RegistryRuleViolation.class, () -> up.removeMeter(SEP.plusSeconds(60)));
    }

    @Test
    void aGasMeterDoesNotFitAnElectricUsagePoint() {
        Meter gas = new Meter("G-1", Commodity.GAS);

        RegistryRuleViolation e = assertThrows(RegistryRuleViolation.class, () -> residential("UP-1").install(gas, JAN));

        assertTrue(e.getMessage().contains("GAS"), e.getMessage());
    }

    @Test
    void retiredMetersAreNeverInstalledAgain() {
        Meter meter = electricMeter("M-1");
        meter.retire();

        assertThrows(RegistryRuleViolation.class, () -> residential("UP-1").install(meter, JAN));
    }

    @Test
    void oneChannelPerReadingType() {
        UsagePoint up = residential("UP-1");
        up.addChannel(ReadingType.interval(Unit.KWH, 30, FlowDirection.DELIVERED), BigDecimal.ONE);
        up.addChannel(ReadingType.interval(Unit.KWH, 30, FlowDirection.RECEIVED), BigDecimal.ONE);

        assertThrows(RegistryRuleViolation.class,
                () -> up.addChannel(ReadingType.interval(Unit.KWH, 30, FlowDirection.DELIVERED), BigDecimal.TEN));
        assertThrows(RegistryRuleViolation.class, () -> ReadingType.interval(Unit.KWH, 7, FlowDirection.DELIVERED));
        assertEquals(2, up.channels().size());
    }

    @Test
    void coordinatesMustBeOnEarthAndComeInPairs() {
        UsagePoint up = residential("UP-1");
        assertThrows(RegistryRuleViolation.class, () -> up.describe(CustomerClass.RESIDENTIAL, RegistryBuilder.LONDON,
                null, null, null, null, new BigDecimal("91"), BigDecimal.ZERO));
        assertThrows(RegistryRuleViolation.class, () -> up.describe(CustomerClass.RESIDENTIAL, RegistryBuilder.LONDON,
                null, null, null, null, BigDecimal.ONE, null));
        assertThrows(RegistryRuleViolation.class, () -> UsagePoint.parseZone("Mars/Olympus"));
    }

    @Test
    void serviceCapacityIsPositiveKeptWithThreeDecimalsAndMayBeUnknown() {
        UsagePoint up = residential("UP-1");
        assertEquals(null, up.serviceCapacityKw());

        up.changeServiceCapacity(new BigDecimal("15"));
        assertEquals(new BigDecimal("15.000"), up.serviceCapacityKw(), "same scale as after a reload");
        assertEquals(new BigDecimal("15.000"), up.auditState().get("serviceCapacityKw"));

        RegistryRuleViolation zero = assertThrows(RegistryRuleViolation.class,
                () -> up.changeServiceCapacity(BigDecimal.ZERO));
        assertTrue(zero.getMessage().contains("more than 0 kW"), zero.getMessage());
        assertThrows(RegistryRuleViolation.class, () -> up.changeServiceCapacity(new BigDecimal("-2")));
        assertThrows(RegistryRuleViolation.class, () -> up.changeServiceCapacity(new BigDecimal("1.0005")));
        assertThrows(RegistryRuleViolation.class, () -> up.changeServiceCapacity(new BigDecimal("1000000000")));
        assertEquals(new BigDecimal("15.000"), up.serviceCapacityKw(), "a refused value changes nothing");

        up.changeServiceCapacity(null);
        assertEquals(null, up.serviceCapacityKw());
    }
}
