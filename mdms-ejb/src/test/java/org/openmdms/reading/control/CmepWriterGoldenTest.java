package org.openmdms.reading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.Unit;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;

/**
 * The CMEP export layout byte for byte: two meters, a gap that starts a new record, a unit change,
 * actual, sender-estimated, VEE-estimated (extension code), questionable and edited reads.
 */
class CmepWriterGoldenTest {

    static List<MeterIntervalRead> reads() {
        List<MeterIntervalRead> reads = new ArrayList<>();
        Instant end = Instant.parse("2013-03-31T00:30:00Z");
        reads.add(read("MAC000026", Unit.KWH, 30, end, "0.141", Quality.VALID, ReadSource.ACTUAL));
        reads.add(read("MAC000026", Unit.KWH, 30, end.plusSeconds(1800), "0.117", Quality.VALID, ReadSource.ACTUAL));
        reads.add(read("MAC000026", Unit.KWH, 30, end.plusSeconds(3600), "0.12", Quality.ofEstimationMethod("linear-interpolation"),
                ReadSource.ESTIMATED));
        reads.add(read("MAC000026", Unit.KWH, 30, end.plusSeconds(5400), "0.125", Quality.VALID, ReadSource.EDITED));
        // gap of one half-hour: a new record with its time
        reads.add(read("MAC000026", Unit.KWH, 30, end.plusSeconds(9000), "0.200", Quality.VALID, ReadSource.ESTIMATED));
        reads.add(read("MAC000026", Unit.KWH, 30, end.plusSeconds(10800), "0.300", Quality.QUESTIONABLE, ReadSource.ACTUAL));
        reads.add(read("MAC000026", Unit.KW, 30, end, "0.282", Quality.VALID, ReadSource.ACTUAL));
        reads.add(read("MAC000031", Unit.KWH, 15, Instant.parse("2013-03-31T00:15:00Z"), "1.000000",
                Quality.ofEstimationMethod("like-day+register-scaling"), ReadSource.ESTIMATED));
        reads.add(read("MAC000031", Unit.KWH, 15, Instant.parse("2013-03-31T00:30:00Z"), "0.5", Quality.SUBSTITUTED,
                ReadSource.ESTIMATED));
        return reads;
    }

    private static MeterIntervalRead read(String meter, Unit unit, int minutes, Instant end, String value, int quality,
            ReadSource source) {
        return new MeterIntervalRead(0, meter, unit, minutes, FlowDirection.DELIVERED, end, new BigDecimal(value), quality,
                source);
    }

    private static String export() {
        StringWriter out = new StringWriter();
        CmepWriter writer = new CmepWriter(out, java.time.ZoneOffset.UTC, "OPENMDMS", null,
                Instant.parse("2013-04-02T08:00:00Z"));
        reads().forEach(writer::write);
        writer.flush();
        return out.toString();
    }

    @Test
    void theExportIsByteForByteTheGoldenFile() throws IOException {
        byte[] golden;
        try (InputStream in = getClass().getResourceAsStream("/cmep/export-golden.csv")) {
            golden = in.readAllBytes();
        }
        assertEquals(new String(golden, StandardCharsets.UTF_8), export());
    }

    @Test
    void theGoldenFileReadsBackAsTheReadsExceptTheEdit() {
        RecordingSink sink = new RecordingSink();
        new CmepParser().parse(new StringReader(export()), sink);

        List<MeterIntervalRead> expected = reads().stream().filter(r -> r.source() != ReadSource.EDITED).toList();
        assertEquals(expected.size(), sink.intervals.size());
        for (int i = 0; i < expected.size(); i++) {
            MeterIntervalRead e = expected.get(i);
            MeterIntervalRead a = sink.intervals.get(i);
            assertEquals(List.of(e.meterId(), e.unit(), e.intervalMinutes(), e.intervalEnd(), e.quality(), e.source()),
                    List.of(a.meterId(), a.unit(), a.intervalMinutes(), a.intervalEnd(), a.quality(), a.source()));
            assertEquals(0, e.value().compareTo(a.value()));
        }
        assertEquals("1: triple 4: quality code 'M' marks a value an analyst of the sender edited; edits are not imported"
                + " (analysts edit here, with a reason)\n", sink.rejectsText());
    }
}
