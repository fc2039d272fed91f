package org.openmdms.demo.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openmdms.meter.control.RowError;
import org.openmdms.reading.control.MeterEvent;
import org.openmdms.reading.control.MeterIntervalRead;
import org.openmdms.reading.control.ReadingSink;

class DemoEventsTest {

    @Test
    void theHundredHouseholdsGetValidEventsAllThroughTheBatchConversion() {
        List<String> meters = IntStream.range(0, 100).mapToObj(i -> "MAC" + (100_000 + i)).toList();
        List<MeterEvent> events = new ArrayList<>();
        List<RowError> rejects = new ArrayList<>();

        DemoEvents.batch(meters).emit(new ReadingSink() {
            @Override
            public void interval(MeterIntervalRead read) {
                rejects.add(new RowError(read.line(), "unexpected read"));
            }

            @Override
            public void event(MeterEvent event) {
                events.add(event);
            }

            @Override
            public void reject(RowError error) {
                rejects.add(error);
            }

            @Override
            public void register(org.openmdms.reading.control.MeterRegisterRead read) {
                rejects.add(new RowError(read.line(), "unexpected register read"));
            }
        });

        assertEquals(List.of(), rejects);
        assertTrue(events.size() > 40, "events: " + events.size());
        assertEquals(4, events.stream().filter(e -> e.type().name().equals("CLOCK_ADJUSTED")).count());
    }
}
