package org.openmdms.demo.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openmdms.reading.control.ReadingBatch;

/**
 * Today's outages on the demo fleet, as a head-end would report them, relative to when the demo
 * starts, so that the outage board shows something live: a storm on feeder EST-F02 (six of its ten
 * transformers lost power 50 minutes ago; three are back since 15 minutes ago), transformer
 * NTH-F01-T04 out for 25 minutes, transformer STH-F03-T07 out from 4 to 3 hours ago (restored),
 * and a few momentary interruptions elsewhere (back within 20 seconds: recorded, no outage).
 * Only electric meters report power events.
 */
public final class DemoOutages {

    private DemoOutages() {
    }

    public static ReadingBatch batch(List<DemoFleet.Member> fleet, Instant now) {
        List<ReadingBatch.Event> events = new ArrayList<>();
        int momentary = 0;
        for (DemoFleet.Member member : fleet) {
            if (!"ELECTRIC".equals(member.commodity())) {
                continue;
            }
            String meter = member.serialAtYearEnd();
            String transformer = member.transformer();
            int number = member.number();
            if ("EST-F02".equals(member.feeder()) && transformerNo(transformer) <= 6) {
                Instant off = now.minusSeconds(50 * 60 - number % 90);
                events.add(event(meter, "LAST_GASP", off));
                if (transformerNo(transformer) <= 3) {
                    events.add(event(meter, "POWER_RESTORE", now.minusSeconds(15 * 60 - number % 60)));
                }
            } else if ("NTH-F01-T04".equals(transformer)) {
                events.add(event(meter, "LAST_GASP", now.minusSeconds(25 * 60 - number % 40)));
            } else if ("STH-F03-T07".equals(transformer)) {
                events.add(event(meter, "LAST_GASP", now.minusSeconds(4 * 3600 - number % 50)));
                events.add(event(meter, "POWER_RESTORE", now.minusSeconds(3 * 3600 - number % 300)));
            } else if (number % 97 == 5 && momentary++ < 6) {
                Instant off = now.minusSeconds(10 * 60 + number % 120);
                events.add(event(meter, "LAST_GASP", off));
                events.add(event(meter, "POWER_RESTORE", off.plusSeconds(8 + number % 12)));
            }
        }
        return new ReadingBatch("demo head-end (today's outages)", List.of(), List.of(), events);
    }

    private static int transformerNo(String transformer) {
        return Integer.parseInt(transformer.substring(transformer.lastIndexOf("-T") + 2));
    }

    private static ReadingBatch.Event event(String meter, String type, Instant at) {
        return new ReadingBatch.Event(meter, type, at.toString(), null);
    }
}
