package org.openmdms.reading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.Unit;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;

class CmepParserTest {

    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    static RecordingSink parseResource(String file, ZoneId zone) {
        InputStream in = CmepParserTest.class.getResourceAsStream("/cmep/" + file);
        assertNotNull(in, "test resource /cmep/" + file);
        RecordingSink sink = new RecordingSink();
        new CmepParser(zone).parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), sink);
        return sink;
    }

    private static List<MeterIntervalRead> of(RecordingSink sink, String meter) {
        return sink.intervals.stream().filter(r -> r.meterId().equals(meter)).toList();
    }

    @ParameterizedTest(name = "{0}: {1} intervals from {2} to {3}")
    @CsvSource({
        // meter,        count, first END (UTC),      last END (UTC)
        // 2013-03-10 00:00 PST .. 2013-03-11 00:00 PDT: 23 hours, first time given, the rest empty
        "M-SPRING,       92,    2013-03-10T08:15:00Z, 2013-03-11T07:00:00Z",
        // 2013-11-03 00:00 PDT .. 2013-11-04 00:00 PST: 25 hours, every local time given, 01:xx twice
        "M-FALL,        100,    2013-11-03T07:15:00Z, 2013-11-04T08:00:00Z",
        // same day in hours, first time only
        "M-FALL-HOURLY,  25,    2013-11-03T08:00:00Z, 2013-11-04T08:00:00Z",
    })
    void daylightSavingDaysInLosAngeles(String meter, int count, Instant firstEnd, Instant lastEnd) {
        RecordingSink sink = parseResource("dst_los_angeles.csv", LOS_ANGELES);
        assertEquals("", sink.rejectsText());

        List<MeterIntervalRead> reads = of(sink, meter);
        assertEquals(count, reads.size());
        assertEquals(firstEnd, reads.get(0).intervalEnd());
        assertEquals(lastEnd, reads.get(reads.size() - 1).intervalEnd());
        for (int i = 1; i < reads.size(); i++) {
            assertEquals(Duration.ofMinutes(reads.get(i).intervalMinutes()),
                    Duration.between(reads.get(i - 1).intervalEnd(), reads.get(i).intervalEnd()), "gap before read " + (i + 1));
        }
    }

    @ParameterizedTest(name = "fall back, interval {0}: ends {1}")
    @CsvSource({
        // the 8th quarter hour ends at the second 01:00 (PST); the 5th at the first 01:15 (PDT)
        "5,  2013-11-03T08:15:00Z",
        "7,  2013-11-03T08:45:00Z",
        "8,  2013-11-03T09:00:00Z",
        "9,  2013-11-03T09:15:00Z",
    })
    void repeatedLocalTimesTakeTheOffsetThatKeepsTimeMoving(int interval, Instant end) {
        RecordingSink sink = parseResource("dst_los_angeles.csv", LOS_ANGELES);

        MeterIntervalRead read = of(sink, "M-FALL").get(interval - 1);
        assertEquals(end, read.intervalEnd());
        assertEquals(0, BigDecimal.valueOf(interval).compareTo(read.value()), "value = interval number in the fixture");
    }

    @Test
    void aLocalTimeInTheSpringGapIsRejected() {
        RecordingSink sink = new RecordingSink();
        new CmepParser(LOS_ANGELES).parse(new StringReader(
                "MEPMD01,20020101,U,,M,,201303111200,M1,OK,E,KWH,1,00000015,2,201303100145,A,1,201303100215,A,2\n"), sink);

        assertEquals("1: triple 2: time '201303100215' does not exist in America/Los_Angeles (daylight saving gap)\n",
                sink.rejectsText());
        assertEquals(1, sink.intervals.size());
    }

    @Test
    void withoutAZoneTimesAreUtc() {
        RecordingSink sink = parseResource("malformed.csv", ZoneOffset.UTC);
        assertEquals(Instant.parse("2013-01-01T01:00:00Z"), sink.intervals.get(0).intervalEnd());
        RecordingSink defaultZone = new RecordingSink();
        new CmepParser().parse(new StringReader(
                "MEPMD01,20020101,U,,M,,201303111200,M1,OK,E,KWH,1,00000015,1,201303100145,A,1\n"), defaultZone);
        assertEquals(Instant.parse("2013-03-10T01:45:00Z"), defaultZone.intervals.get(0).intervalEnd());
    }

    @ParameterizedTest(name = "{0} #{1}: {2} {3} min ending {4} = {5}, quality {6}, {7}")
    @CsvSource({
        // meter, index, unit, minutes, END, value (× CalculationConstant), quality, source
        "M2, 0, KWH,   15, 2013-01-01T00:15:00Z, 2.5, 0,  ACTUAL",      // empty code, constant 2.5
        "M2, 1, KWH,   15, 2013-01-01T00:30:00Z, 2.5, 0,  ACTUAL",      // 0
        "M2, 2, KWH,   15, 2013-01-01T00:45:00Z, 2.5, 0,  ACTUAL",      // A
        "M2, 3, KWH,   15, 2013-01-01T01:00:00Z, 2.5, 0,  ESTIMATED",   // E
        "M2, 4, KWH,   15, 2013-01-01T01:15:00Z, 2.5, 0,  ESTIMATED",   // ES
        "M2, 5, KWH,   15, 2013-01-01T01:30:00Z, 2.5, 16, ESTIMATED",   // S = substituted
        "M2, 6, KWH,   15, 2013-01-01T01:45:00Z, 2.5, 1,  ACTUAL",      // Q = questionable
        "M2, 7, KWH,   15, 2013-01-01T02:00:00Z, 2.5, 2,  ACTUAL",      // P = power outage
        "M2, 8, KVARH, 30, 2013-01-01T00:30:00Z, 0.5, 0,  ACTUAL",      // units in lower case
        "M4, 0, THERM, 60, 2013-01-01T01:00:00Z, 3,   0,  ACTUAL",
    })
    void qualityCodesUnitsAndMultiplier(String meter, int index, Unit unit, int minutes, Instant end, BigDecimal value,
            int quality, ReadSource source) {
        RecordingSink sink = parseResource("codes_units.csv", ZoneOffset.UTC);
        assertEquals("", sink.rejectsText());

        MeterIntervalRead read = of(sink, meter).get(index);
        assertEquals(unit, read.unit());
        assertEquals(minutes, read.intervalMinutes());
        assertEquals(end, read.intervalEnd());
        assertEquals(0, value.compareTo(read.value()), "value " + read.value());
        assertEquals(quality, read.quality());
        assertEquals(source, read.source());
        assertEquals(FlowDirection.DELIVERED, read.direction());
    }

    @Test
    void registerUnitsGoToRegisterReadsWithTheTripleTime() {
        RecordingSink sink = parseResource("codes_units.csv", ZoneOffset.UTC);

        assertEquals(List.of(
                new MeterRegisterRead(3, "M3", Unit.KWH, FlowDirection.DELIVERED, Instant.parse("2013-01-01T00:00:00Z"),
                        new BigDecimal("12345.0"), Quality.VALID, ReadSource.ACTUAL),
                new MeterRegisterRead(3, "M3", Unit.KWH, FlowDirection.DELIVERED, Instant.parse("2013-01-02T00:00:00Z"),
                        new BigDecimal("12401.0"), Quality.VALID, ReadSource.ESTIMATED)),
                sink.registers);
    }

    @Test
    void malformedRecordsAndValuesAreRejectedWithLineAndReason() {
        RecordingSink sink = parseResource("malformed.csv", ZoneOffset.UTC);

        Nem12ParserTest.assertRejects(List.of(
                "2: record type 'MEPMD02', expected MEPMD01",
                "3: Count 'x' is not a number",
                "4: Count is 3 but the record holds 2 triples",
                "5: Count is 3 but the record holds 8 fields after Count",
                "6: triple 1: time '2013010101' is not CCYYMMDDHHMM",
                "6: triple 2: empty time, but there is no previous time",
                "7: triple 2: unknown quality code 'Z'",
                "7: triple 3: value 'abc' is not a number",
                "8: Units 'CCF' not accepted",
                "9: Interval '00000007' is 7 minutes",
                "10: triple 1: empty time, but there is no previous time",
                "11: CalculationConstant 'one' is not a number",
                "12: Commodity 'X', expected E, G or W",
                "13: record has 13 fields, needs at least 14"), sink);
        assertEquals(List.of("1 2013-01-01T01:00:00Z 1.25", "1 2013-01-01T02:00:00Z 1.50", "6 2013-01-01T04:00:00Z 1.75",
                "7 2013-01-01T01:00:00Z 1.25"),
                sink.intervals.stream().map(r -> r.line() + " " + r.intervalEnd() + " " + r.value()).toList());
    }

    static Stream<Arguments> roundTrips() {
        return Stream.of(
                Arguments.of("dst_los_angeles.csv", LOS_ANGELES, LOS_ANGELES),
                Arguments.of("codes_units.csv", ZoneOffset.UTC, ZoneOffset.UTC),
                Arguments.of("dst_los_angeles.csv", LOS_ANGELES, ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "{0} read in {1}, exported and re-read in {2}")
    @MethodSource("roundTrips")
    void anExportReimportedChangesNothing(String file, ZoneId fileZone, ZoneId zone) {
        List<MeterIntervalRead> imported = parseResource(file, fileZone).intervals;

        StringWriter out = new StringWriter();
        CmepWriter writer = new CmepWriter(out, zone, "MDMS", "UTILITY", Instant.parse("2024-01-01T00:00:00Z"));
        imported.forEach(writer::write);
        writer.flush();
        RecordingSink reimported = new RecordingSink();
        new CmepParser(zone).parse(new StringReader(out.toString()), reimported);

        assertEquals("", reimported.rejectsText(), out.toString());
        assertEquals(withoutLines(imported), withoutLines(reimported.intervals));
    }

    private static List<MeterIntervalRead> withoutLines(List<MeterIntervalRead> reads) {
        return reads.stream().map(r -> new MeterIntervalRead(0, r.meterId(), r.unit(), r.intervalMinutes(), r.direction(),
                r.intervalEnd(), r.value(), r.quality(), r.source())).toList();
    }

    @Test
    void writerKeepsRunsTogetherAndWritesTheFirstTimeOnly() {
        StringWriter out = new StringWriter();
        CmepWriter writer = new CmepWriter(out, ZoneOffset.UTC, "MDMS", "UTILITY", Instant.parse("2024-01-01T00:00:00Z"));
        Instant end = Instant.parse("2013-01-01T00:15:00Z");
        writer.write(read("M1", end, "1.5", Quality.VALID, ReadSource.ACTUAL));
        writer.write(read("M1", end.plusSeconds(900), "2", Quality.SUBSTITUTED, ReadSource.ESTIMATED));
        writer.write(read("M1", end.plusSeconds(2700), "3", Quality.VALID, ReadSource.ESTIMATED)); // gap: new record
        writer.flush();

        assertEquals("MEPMD01,19970819,MDMS,,UTILITY,,202401010000,M1,OK,E,KWH,1,00000015,2,201301010015,A,1.5,,S,2\r\n"
                + "MEPMD01,19970819,MDMS,,UTILITY,,202401010000,M1,OK,E,KWH,1,00000015,1,201301010100,E,3\r\n", out.toString());
    }

    @ParameterizedTest(name = "quality {0} from {1} is written {2} and read back as it was")
    @CsvSource({"256, ESTIMATED, E256", "2560, ESTIMATED, E2560", "17, ESTIMATED, E17", "16, ACTUAL, A16",
            "4, ACTUAL, A4", "3, ACTUAL, A3"})
    void writerExtendsTheCodesForFlagsTheTableLacksAndTheParserReadsThemBack(int quality, ReadSource source,
            String code) {
        StringWriter out = new StringWriter();
        CmepWriter writer = new CmepWriter(out, ZoneOffset.UTC, "A", "B", Instant.EPOCH);
        writer.write(read("M1", Instant.parse("2013-01-01T00:15:00Z"), "1.25", quality, source));
        writer.flush();
        assertTrue(out.toString().endsWith(",1,201301010015," + code + ",1.25\r\n"), out.toString());

        RecordingSink reimported = new RecordingSink();
        new CmepParser().parse(new StringReader(out.toString()), reimported);
        assertEquals("", reimported.rejectsText());
        assertEquals(quality, reimported.intervals.get(0).quality());
        assertEquals(source, reimported.intervals.get(0).source());
    }

    @Test
    void anEditIsWrittenMAndTheParserRefusesToImportItAsAnEdit() {
        StringWriter out = new StringWriter();
        CmepWriter writer = new CmepWriter(out, ZoneOffset.UTC, "A", "B", Instant.EPOCH);
        Instant end = Instant.parse("2013-01-01T00:15:00Z");
        writer.write(read("M1", end, "1", Quality.VALID, ReadSource.ACTUAL));
        writer.write(read("M1", end.plusSeconds(900), "2", Quality.VALID, ReadSource.EDITED));
        writer.write(read("M1", end.plusSeconds(1800), "3", Quality.QUESTIONABLE, ReadSource.EDITED));
        writer.flush();
        assertTrue(out.toString().endsWith(",3,201301010015,A,1,,M,2,,M1,3\r\n"), out.toString());

        RecordingSink reimported = new RecordingSink();
        new CmepParser().parse(new StringReader(out.toString()), reimported);
        assertEquals(1, reimported.intervals.size());
        assertTrue(reimported.rejectsText().contains("triple 2: quality code 'M' marks a value an analyst of the sender"
                + " edited; edits are not imported"), reimported.rejectsText());
        assertTrue(reimported.rejectsText().contains("triple 3: quality code 'M1'"), reimported.rejectsText());
    }

    @ParameterizedTest(name = "quality code {0} is not read")
    @ValueSource(strings = {"E4096", "X1", "E-1", "EE", "A12345"})
    void codesOutsideTheTableAndTheExtensionAreRejected(String code) {
        RecordingSink sink = new RecordingSink();
        new CmepParser().parse(new StringReader("MEPMD01,19970819,A,,B,,201301010000,M1,OK,E,KWH,1,00000015,1,"
                + "201301010015," + code + ",1\r\n"), sink);
        assertEquals(0, sink.intervals.size());
        assertTrue(sink.rejectsText().contains("unknown quality code '" + code + "'"), sink.rejectsText());
    }

    @Test
    void writerRefusesToStartARecordAtTheSecondOccurrenceOfARepeatedLocalTime() {
        CmepWriter writer = new CmepWriter(new StringWriter(), LOS_ANGELES, "A", "B", Instant.EPOCH);
        // 2013-11-03 01:15 PST, after the 01:15 PDT an hour earlier
        assertThrows(IllegalArgumentException.class, () -> writer.write(
                read("M1", Instant.parse("2013-11-03T09:15:00Z"), "1", Quality.VALID, ReadSource.ACTUAL)));
    }

    private static MeterIntervalRead read(String meter, Instant end, String value, int quality, ReadSource source) {
        return new MeterIntervalRead(1, meter, Unit.KWH, 15, FlowDirection.DELIVERED, end, new BigDecimal(value), quality,
                source);
    }
}
