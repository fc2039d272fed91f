package org.openmdms.demo.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openmdms.meter.control.RowError;
import org.openmdms.reading.control.MeterEvent;
import org.openmdms.reading.control.MeterIntervalRead;
import org.openmdms.reading.control.MeterRegisterRead;
import org.openmdms.reading.control.ReadingFormat;
import org.openmdms.reading.control.ReadingSink;

class DemoFleetReadsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final List<DemoFleet.Member> fleet = DemoFleet.members(200);
    private final List<MeterIntervalRead> reads = new ArrayList<>();
    private final List<RowError> rejects = new ArrayList<>();

    DemoFleetReadsTest() {
        StringWriter cmep = new StringWriter();
        new DemoFleetReads(fleet).write(cmep, DemoFleetReads.FIRST_DAY, 2);
        ReadingFormat.CMEP.parse(new BufferedReader(new StringReader(cmep.toString())), new ReadingSink() {
            @Override
            public void interval(MeterIntervalRead read) {
                reads.add(read);
            }

            @Override
            public void register(MeterRegisterRead read) {
                rejects.add(new RowError(read.line(), "unexpected register read"));
            }

            @Override
            public void event(MeterEvent event) {
                rejects.add(new RowError(event.line(), "unexpected event"));
            }

            @Override
            public void reject(RowError error) {
                rejects.add(error);
            }
        });
    }

    @Test
    void membersAreTheRegistryFileRowsInOrder() {
        assertEquals(200, fleet.size());
        assertEquals("UP-100001", fleet.get(0).code());
        assertEquals(DemoFleet.registryCsv(200).lines().count() - 1, fleet.size());
        DemoFleet.Member exchanged = fleet.get(DemoFleet.EXCHANGE_EVERY - 1);
        assertEquals(exchanged.isExchanged() ? DemoFleet.exchangeSerial(DemoFleet.EXCHANGE_EVERY) : exchanged.serial(),
                exchanged.serialAtYearEnd());
    }

    @Test
    void theFileReadsBackWithoutRejectsAndTheDstDayHas25Hours() {
        assertEquals(List.of(), rejects);
        Map<String, Long> perMeterAndUnit = reads.stream().collect(Collectors.groupingBy(
                r -> r.meterId() + "/" + r.unit() + "/" + r.intervalMinutes(), Collectors.counting()));
        DemoFleet.Member household = fleet.stream()
                .filter(m -> m.channels().equals("KWH:30:DELIVERED") && m.number() % 50 != 7 && !m.isExchanged())
                .findFirst().orElseThrow();
        assertEquals(50 + 48, perMeterAndUnit.get(household.serial() + "/KWH/30"));
        long dstDay = reads.stream().filter(r -> r.meterId().equals(household.serial()))
                .filter(r -> r.intervalEnd().minusSeconds(1800).atZone(LONDON).toLocalDate()
                        .equals(LocalDate.of(2013, 10, 27))).count();
        assertEquals(50, dstDay);
        DemoFleet.Member shop = fleet.stream().filter(m -> m.customerClass().equals("COMMERCIAL")
                && m.commodity().equals("ELECTRIC")).findFirst().orElseThrow();
        assertEquals(100 + 96, perMeterAndUnit.get(shop.serialAtYearEnd() + "/KW/15"));
    }

    @Test
    void aFewHouseholdsHaveGapsSpikesOrZeroDays() {
        DemoFleet.Member withGap = fleet.stream().filter(m -> m.number() % 50 == 7
                && m.commodity().equals("ELECTRIC") && m.customerClass().equals("RESIDENTIAL")).findFirst().orElseThrow();
        long delivered = reads.stream().filter(r -> r.meterId().equals(withGap.serialAtYearEnd())
                && r.unit().name().equals("KWH") && r.intervalMinutes() == 30).count();
        assertEquals(98 - 4, delivered, "two hours missing");
        assertTrue(reads.stream().allMatch(r -> r.value().signum() >= 0));
        assertTrue(reads.stream().anyMatch(r -> r.value().compareTo(BigDecimal.ZERO) == 0)
                || fleet.stream().noneMatch(m -> m.number() % 150 == 21));
    }
}
