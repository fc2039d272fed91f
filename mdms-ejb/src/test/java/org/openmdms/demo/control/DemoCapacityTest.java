package org.openmdms.demo.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.openmdms.meter.control.RowError;
import org.openmdms.meter.entity.Unit;
import org.openmdms.reading.control.MeterEvent;
import org.openmdms.reading.control.MeterIntervalRead;
import org.openmdms.reading.control.MeterRegisterRead;
import org.openmdms.reading.control.ReadingFormat;
import org.openmdms.reading.control.ReadingSink;

/**
 * The demo's service capacities let VEE's max-demand rule run without flooding the queue: the
 * default fleet (3 000 usage points, 2 days) goes above its capacity only where a household's
 * spike does, and the 100 Low Carbon London households never in the whole of 2013.
 */
class DemoCapacityTest {

    @Test
    void everyElectricMemberOfTheFleetHasACapacityAndOnlyAFewSpikesExceedIt() {
        List<DemoFleet.Member> fleet = DemoFleet.members(3000);
        Map<String, DemoFleet.Member> bySerial = new HashMap<>();
        for (DemoFleet.Member m : fleet) {
            assertEquals("ELECTRIC".equals(m.commodity()), m.serviceCapacityKw() != null, m.toString());
            bySerial.put(m.serialAtYearEnd(), m);
        }
        StringWriter cmep = new StringWriter();
        new DemoFleetReads(fleet).write(cmep, DemoFleetReads.FIRST_DAY, 2);

        // Runs of intervals above capacity, per channel: what max-demand raises (one exception per run).
        Map<String, Integer> runs = new TreeMap<>();
        Map<String, Boolean> above = new HashMap<>();
        ReadingFormat.CMEP.parse(new BufferedReader(new StringReader(cmep.toString())), new Sink() {
            @Override
            public void interval(MeterIntervalRead read) {
                DemoFleet.Member m = bySerial.get(read.meterId());
                if (m.serviceCapacityKw() == null || (read.unit() != Unit.KWH && read.unit() != Unit.KW)) {
                    return;
                }
                BigDecimal kw = read.unit() == Unit.KW ? read.value()
                        : read.value().multiply(BigDecimal.valueOf(60.0 / read.intervalMinutes()));
                boolean over = kw.compareTo(new BigDecimal(m.serviceCapacityKw())) > 0;
                String channel = read.meterId() + "/" + read.unit();
                if (over && !above.getOrDefault(channel, false)) {
                    runs.merge(m.customerClass() + " " + m.code(), 1, Integer::sum);
                }
                above.put(channel, over);
            }
        });

        assertTrue(runs.size() >= 1, "the demo exercises max-demand");
        assertTrue(runs.size() <= 30, "few exceptions, not a flood: " + runs);
        assertTrue(runs.keySet().stream().allMatch(k -> k.startsWith("RESIDENTIAL")), runs.toString());
        assertTrue(runs.keySet().stream().allMatch(k -> Integer.parseInt(k.substring(k.indexOf("UP-") + 3)) % 80 == 13),
                "only the households with a spike: " + runs);
    }

    @Test
    void theLowCarbonLondonHouseholdsStayBelowTheirCapacityAllYear() throws IOException {
        BigDecimal capacity = null;
        try (BufferedReader registry = reader("demo/lcl-registry.csv", false)) {
            List<String> header = List.of(registry.readLine().split(","));
            int column = header.indexOf("service_capacity_kw");
            for (String line : registry.lines().toList()) {
                // Only the quoted address before it holds commas: find the capacity counting from the end.
                String[] fields = line.split(",");
                BigDecimal kw = new BigDecimal(fields[fields.length - (header.size() - column)]);
                assertTrue(capacity == null || capacity.equals(kw), line);
                capacity = kw;
            }
        }
        assertEquals(new BigDecimal("15"), capacity);
        BigDecimal highest = BigDecimal.ZERO;
        try (BufferedReader reads = reader("demo/lcl-2013-reads.csv.gz", true)) {
            reads.readLine();
            for (String line = reads.readLine(); line != null; line = reads.readLine()) {
                BigDecimal kwh = new BigDecimal(line.substring(line.lastIndexOf(',') + 1).strip());
                highest = highest.max(kwh);
            }
        }
        BigDecimal kw = highest.multiply(BigDecimal.valueOf(2));
        assertTrue(kw.compareTo(capacity) < 0, "highest half-hour demand " + kw + " kW");
    }

    private static BufferedReader reader(String resource, boolean gzip) throws IOException {
        InputStream in = DemoCapacityTest.class.getClassLoader().getResourceAsStream(resource);
        return new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(in, 1 << 16) : in,
                StandardCharsets.UTF_8), 1 << 16);
    }

    /** Only interval reads are expected. */
    private abstract static class Sink implements ReadingSink {

        @Override
        public void register(MeterRegisterRead read) {
            throw new AssertionError("unexpected register read " + read);
        }

        @Override
        public void event(MeterEvent event) {
            throw new AssertionError("unexpected event " + event);
        }

        @Override
        public void reject(RowError error) {
            throw new AssertionError("unexpected reject " + error);
        }
    }
}
