package org.openmdms.reading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.Unit;
import org.openmdms.meter.store.ChannelEntry;
import org.openmdms.meter.store.MeterPlacement;
import org.openmdms.reading.entity.MeterEventType;
import org.openmdms.reading.entity.ReadSource;

class ChannelMappingTest {

    private static final Instant EXCHANGE = Instant.parse("2013-06-01T10:30:00Z");

    // Meter M1 served UP-1 until the exchange, then M2; M1 went on to UP-2 later.
    private final ChannelMapping mapping = new ChannelMapping(List.of(
            new MeterPlacement("M1", 1, "UP-1", "Europe/London", Instant.parse("2013-01-01T00:00:00Z"), EXCHANGE),
            new MeterPlacement("M2", 1, "UP-1", "Europe/London", EXCHANGE, null),
            new MeterPlacement("M1", 2, "UP-2", "Europe/London", Instant.parse("2013-07-01T00:00:00Z"), null)),
            List.of(new ChannelEntry(11, 1, Unit.KWH, 30, FlowDirection.DELIVERED),
                    new ChannelEntry(12, 1, Unit.KWH, 30, FlowDirection.RECEIVED),
                    new ChannelEntry(13, 1, Unit.KWH, null, FlowDirection.DELIVERED),
                    new ChannelEntry(21, 2, Unit.KWH, 15, FlowDirection.DELIVERED)),
            Map.of("M1", 101L, "M2", 102L, "M3", 103L));

    private static MeterIntervalRead read(String meter, int minutes, String end) {
        return new MeterIntervalRead(7, meter, Unit.KWH, minutes, FlowDirection.DELIVERED, Instant.parse(end),
                BigDecimal.ONE, 0, ReadSource.ACTUAL);
    }

    @Test
    void aReadLandsOnTheChannelOfTheUsagePointWhereItsIntervalStarted() {
        assertEquals(11, mapping.map(read("M1", 30, "2013-06-01T10:30:00Z")).row().channelId());
        assertEquals(11, mapping.map(read("M2", 30, "2013-06-01T11:00:00Z")).row().channelId());
        assertEquals(21, mapping.map(read("M1", 15, "2013-07-02T00:15:00Z")).row().channelId());
        assertEquals("Europe/London", mapping.map(read("M2", 30, "2013-06-01T11:00:00Z")).clock().zone().getId());
    }

    @Test
    void readsNoChannelTakesAreRefusedWithTheReason() {
        assertTrue(mapping.map(read("M9", 30, "2013-06-01T10:30:00Z")).refusal().contains("not in the registry"));
        assertTrue(mapping.map(read("M2", 30, "2013-06-01T10:30:00Z")).refusal().contains("was not installed at"));
        assertTrue(mapping.map(read("M1", 30, "2013-06-15T00:30:00Z")).refusal().contains("not installed"));
        assertTrue(mapping.map(read("M1", 5, "2013-07-02T00:05:00Z")).refusal()
                .contains("UP-2 has no kWh 5 min delivered channel"));
    }

    private static MeterRegisterRead register(String meter, String at) {
        return new MeterRegisterRead(8, meter, Unit.KWH, FlowDirection.DELIVERED, Instant.parse(at),
                new BigDecimal("1234.5"), 0, ReadSource.ACTUAL);
    }

    private static MeterEvent event(String meter, String at) {
        return new MeterEvent(9, meter, MeterEventType.LAST_GASP, Instant.parse(at), null);
    }

    @Test
    void aRegisterReadLandsOnTheRegisterChannelWhereTheMeterWasAtTheReadInstant() {
        assertEquals(13, mapping.map(register("M1", "2013-06-01T10:29:59Z")).row().channelId());
        assertEquals(13, mapping.map(register("M2", "2013-06-01T10:30:00Z")).row().channelId());
        assertTrue(mapping.map(register("M1", "2013-07-02T00:00:00Z")).refusal()
                .contains("UP-2 has no kWh register delivered channel"));
        assertTrue(mapping.map(register("M1", "2013-06-15T00:00:00Z")).refusal().contains("was not installed at"));
    }

    @Test
    void anEventKeepsTheUsagePointOfItsMeterThenOrNoneAndAnUnknownMeterIsRefused() {
        assertEquals(1L, mapping.map(event("M1", "2013-06-01T10:29:59Z")).row().usagePointId());
        assertEquals(101L, mapping.map(event("M1", "2013-06-01T10:29:59Z")).row().meterId());
        assertEquals(2L, mapping.map(event("M1", "2013-07-01T00:00:00Z")).row().usagePointId());
        assertNull(mapping.map(event("M1", "2013-06-15T00:00:00Z")).row().usagePointId());
        assertNull(mapping.map(event("M3", "2013-06-15T00:00:00Z")).row().usagePointId());
        assertTrue(mapping.map(event("M9", "2013-06-15T00:00:00Z")).refusal().contains("M9 is not in the registry"));
    }
}
