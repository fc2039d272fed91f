package org.openmdms.reading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.Unit;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;

class Nem12ParserTest {

    static RecordingSink parseResource(String path) {
        InputStream in = Nem12ParserTest.class.getResourceAsStream("/nem12/" + path);
        assertNotNull(in, "test resource /nem12/" + path);
        RecordingSink sink = new RecordingSink();
        new Nem12Parser().parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), sink);
        return sink;
    }

    static RecordingSink parseText(String text) {
        RecordingSink sink = new RecordingSink();
        new Nem12Parser().parse(new StringReader(text), sink);
        return sink;
    }

    @ParameterizedTest(name = "{0}: {1} interval and {2} register reads, no rejects")
    @CsvSource({
        "Example_NEM12_actual_interval.csv,             96, 0",
        "Example_NEM12_different_interval_length.csv,  240, 0",   // 2 × 48 (30 min) + 144 (10 min, voltage)
        "Example_NEM12_multiple_meters.csv,           1152, 0",
        "Example_NEM12_multiple_quality.csv,            48, 0",
        "Example_NEM12_no_scheduled_read.csv,           96, 0",
        "Example_NEM12_partialchannel.csv,            9216, 0",   // 32 days × 288 (5 min)
        "Example_NEM12_substituted_interval.csv,        96, 0",
        "Example_NEM12_upper_case_units.csv,            96, 0",
        "Example_WesternPower.csv,                     192, 0",   // padded records, no MSATSLoadDateTime
        "NEM12_000000000000003_CNRGYMDP.csv,           384, 0",   // many 400 records
        "NEM12_SCENARIO1005032705_ENERGEXM.csv,        408, 0",   // 10 days × 48 minus 3 × 24 null (N) intervals
        "NEM12_Scenario10_ETSAMDP.csv,                 384, 0",   // a 300 record broken over three lines
        "Example_NEM13_consumption_data.csv,             0, 2",
        "Example_NEM13_forward_estimate.csv,             0, 4",
        "NEM13_SEN1315083_AGILITY.csv,                   0, 8",
    })
    void validSamplesParseWithoutRejects(String file, int intervals, int registers) {
        RecordingSink sink = parseResource("valid/" + file);

        assertEquals("", sink.rejectsText(), "rejects");
        assertEquals(intervals, sink.intervals.size(), "interval reads");
        assertEquals(registers, sink.registers.size(), "register reads");
    }

    @ParameterizedTest(name = "{0}: every day of every channel has 1440 / length intervals")
    @CsvSource({
        "Example_NEM12_actual_interval.csv",
        "Example_NEM12_different_interval_length.csv",
        "Example_NEM12_multiple_meters.csv",
        "Example_NEM12_partialchannel.csv",
        "Example_WesternPower.csv",
        "NEM12_000000000000003_CNRGYMDP.csv",
        "NEM12_Scenario10_ETSAMDP.csv",
    })
    void everyDayIsComplete(String file) {
        RecordingSink sink = parseResource("valid/" + file);

        // meter ids are not unique per channel (E1 and E2 of one meter share a serial number), so
        // count per 300 record: all its values fall on one market day, 1440 / length of them
        Map<Long, List<MeterIntervalRead>> perRecord = sink.intervals.stream()
                .collect(Collectors.groupingBy(MeterIntervalRead::line));
        assertTrue(!perRecord.isEmpty());
        perRecord.forEach((line, reads) -> {
            assertEquals(1440 / reads.get(0).intervalMinutes(), reads.size(), "values of the 300 record on line " + line);
            assertEquals(1, reads.stream().map(Nem12ParserTest::marketDay).distinct().count(), "days of line " + line);
        });
    }

    /** The market day an interval belongs to: that of its start, at +10:00. */
    private static LocalDate marketDay(MeterIntervalRead read) {
        return read.intervalEnd().minus(Duration.ofMinutes(read.intervalMinutes()))
                .atOffset(Nem12Parser.MARKET_TIME).toLocalDate();
    }

    @ParameterizedTest(name = "{0}: {1} {2} {3} ending {4} = {5}")
    @CsvSource({
        // file, meter, unit, direction, END (UTC), value, quality, source, line
        // first and last half hour of 2004-02-01 (+10:00): ends 00:30 and 24:00 market time
        "Example_NEM12_actual_interval.csv,     METSER123, KWH,   DELIVERED, 2004-01-31T14:30:00Z, 1.111,  0, ACTUAL,    3",
        "Example_NEM12_actual_interval.csv,     METSER123, KWH,   DELIVERED, 2004-02-01T14:00:00Z, 1.111,  0, ACTUAL,    3",
        "Example_NEM12_actual_interval.csv,     METSER123, KVARH, DELIVERED, 2004-01-31T14:30:00Z, 2.222,  0, ACTUAL,    5",
        // Wh divided by 1000 into kWh
        "Example_NEM12_multiple_meters.csv,     METSER123, KWH,   DELIVERED, 2003-12-03T14:15:00Z, 0.010,  0, ACTUAL,    3",
        // V day: interval 1 F14, 21 A, 48 S14 (400 records)
        "Example_NEM12_multiple_quality.csv,    METSER123, KWH,   DELIVERED, 2004-04-16T14:30:00Z, 18.023, 16, ESTIMATED, 3",
        "Example_NEM12_multiple_quality.csv,    METSER123, KWH,   DELIVERED, 2004-04-17T00:30:00Z, 21.424, 0,  ACTUAL,    3",
        "Example_NEM12_multiple_quality.csv,    METSER123, KWH,   DELIVERED, 2004-04-17T14:00:00Z, 14.733, 16, ESTIMATED, 3",
        // 5 minutes, B1 suffix = export = received; interval 77 of 2023-03-01 ends 06:25 +10:00
        "Example_NEM12_partialchannel.csv,      SERNO1234, KWH,   RECEIVED,  2023-02-28T20:25:00Z, 0.005,  0, ACTUAL,    3",
        "Example_NEM12_partialchannel.csv,      SERNO1234, KWH,   DELIVERED, 2023-02-28T14:05:00Z, 0.048,  0, ACTUAL,    5",
        // no serial number: NMI-suffix; empty UOM on a V suffix = volts; 10 minutes
        "Example_NEM12_different_interval_length.csv, C123-V1, V, DELIVERED, 2004-04-01T14:10:00Z, 239.13, 0, ACTUAL,    7",
        // the 300 record broken over lines 27-29, quality V with 400s: 1-24 A, 25-48 E52
        "NEM12_Scenario10_ETSAMDP.csv,          10191,     KWH,   RECEIVED,  2005-01-12T14:30:00Z, 11,     0, ACTUAL,    27",
        "NEM12_Scenario10_ETSAMDP.csv,          10191,     KWH,   RECEIVED,  2005-01-13T14:00:00Z, 36,     0, ESTIMATED, 27",
    })
    void valuesAndEndInstants(String file, String meter, Unit unit, FlowDirection direction, Instant end, BigDecimal value,
            int quality, ReadSource source, long line) {
        RecordingSink sink = parseResource("valid/" + file);

        List<MeterIntervalRead> found = sink.intervals.stream().filter(r -> r.meterId().equals(meter) && r.unit() == unit
                && r.direction() == direction && r.intervalEnd().equals(end)).toList();
        assertEquals(1, found.size(), "reads of " + meter + " " + unit + " " + direction + " ending " + end);
        MeterIntervalRead read = found.get(0);
        assertEquals(0, value.compareTo(read.value()), "value " + read.value());
        assertEquals(quality, read.quality(), "quality");
        assertEquals(source, read.source(), "source");
        assertEquals(line, read.line(), "line");
    }

    @ParameterizedTest(name = "{0}: {1} read at {3} = {4} {6}")
    @CsvSource({
        // file, meter, direction, read at (UTC; file time is +10:00), value, quality, source
        "Example_NEM13_consumption_data.csv, METSER123, DELIVERED, 2003-10-04T23:30:55Z, 6342.8, 0, ACTUAL",
        "Example_NEM13_consumption_data.csv, METSER123, DELIVERED, 2004-01-07T00:03:33Z, 7654.9, 0, ACTUAL",
        "Example_NEM13_forward_estimate.csv, MET12345,  DELIVERED, 2004-04-07T14:00:00Z, 999,    0, ESTIMATED",
        "Example_NEM13_forward_estimate.csv, MET5678,   DELIVERED, 2004-04-07T14:00:00Z, 10015,  0, ESTIMATED",
    })
    void nem13RegisterReads(String file, String meter, FlowDirection direction, Instant readAt, BigDecimal value,
            int quality, ReadSource source) {
        RecordingSink sink = parseResource("valid/" + file);

        List<MeterRegisterRead> found = sink.registers.stream()
                .filter(r -> r.meterId().equals(meter) && r.readAt().equals(readAt)).toList();
        assertEquals(1, found.size(), "reads of " + meter + " at " + readAt);
        MeterRegisterRead read = found.get(0);
        assertEquals(Unit.KWH, read.unit());
        assertEquals(direction, read.direction());
        assertEquals(0, value.compareTo(read.value()), "value " + read.value());
        assertEquals(quality, read.quality());
        assertEquals(source, read.source());
    }

    static Stream<Arguments> invalidSamples() {
        return Stream.of(
                Arguments.of("Example_empty_file.csv", 0, List.of(
                        "1: empty file")),
                Arguments.of("Example_NEM12_empty.csv", 0, List.of(
                        "2: the file holds no meter data")),
                Arguments.of("Example_NEM12_missing_header.csv", 0, List.of(
                        "2: missing 100 header record: the file starts with a '200' record")),
                Arguments.of("Example_NEM12_powercor.csv", 0, List.of(
                        "2: missing 100 header record")),
                Arguments.of("Example_NEM12_powercor_missing_fields.csv", 0, List.of(
                        "2: missing 100 header record")),
                Arguments.of("Example_NEM12_missing_fields_with_header.csv", 0, List.of(
                        "3: 300 record for 2004-02-01 is missing fields: it has 52",
                        "5: 300 record for 2004-02-01 is missing fields: it has 52")),
                Arguments.of("Example_NEM12_incomplete_interval.csv", 144, List.of(
                        "3: 300 record for 2004-02-01 has 0 interval values, but the 200 record on line 2 has"
                                + " 30-minute intervals: 48 values needed")),
                Arguments.of("Example_NEM12_15min_200_30min_300.csv", 0, List.of(
                        "3: 300 record for 2023-02-25 has 48 interval values, but the 200 record on line 2 has"
                                + " 15-minute intervals: 96 values needed",
                        "4: 400 record belongs to the rejected 300 record on line 3",
                        "5: 400 record belongs to the rejected 300 record on line 3")),
                Arguments.of("Example_NEM12_30min_200_15min_300.csv", 0, List.of(
                        "3: 300 record for 2023-02-25 has 96 interval values, but the 200 record on line 2 has"
                                + " 30-minute intervals: 48 values needed",
                        "4: 400 record belongs to the rejected 300 record on line 3",
                        "5: 400 record belongs to the rejected 300 record on line 3")),
                Arguments.of("Example_NEM12_15min_200_30min_400.csv", 24, List.of(
                        "3: intervals 49–96 of 2023-02-25: the 300 record's QualityMethod is V but no 400 record")),
                Arguments.of("Example_NEM12_30min_200_15min_400.csv", 0, List.of(
                        "3: 300 record for 2023-02-25 has 96 interval values",
                        "4: 400 record has QualityMethod 'V'",
                        "5: 400 record range 49–96 is outside the 48 intervals of a day at 30 minutes")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSamples")
    void invalidSamplesAreRejectedWithReasons(String file, int intervals, List<String> expected) {
        RecordingSink sink = parseResource("invalid/" + file);

        assertRejects(expected, sink);
        assertEquals(intervals, sink.intervals.size(), "interval reads still emitted");
    }

    static void assertRejects(List<String> expected, RecordingSink sink) {
        List<String> actual = sink.rejects.stream().map(e -> e.line() + ": " + e.reason()).toList();
        assertEquals(expected.size(), actual.size(), "rejects:\n" + sink.rejectsText());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(actual.get(i).startsWith(expected.get(i)), "reject " + (i + 1) + " was '" + actual.get(i)
                    + "', expected it to start with '" + expected.get(i) + "'");
        }
    }

    private static final String HEADER = "100,NEM12,200405011135,MDA1,Ret1\n";

    /** A 30-minute 300 record: 48 values of {@code value}, then the quality fields. */
    private static String day(String date, String value, String quality) {
        return "300," + date + ("," + value).repeat(48) + "," + quality + ",,,20040202120025,\n";
    }

    static Stream<Arguments> smallFiles() {
        String meter = "200,NMI1,E1,1,E1,N1,M1,kWh,30,\n";
        return Stream.of(
                Arguments.of("unknown UOM rejects the 200 block",
                        HEADER + "200,NMI1,E1,1,E1,N1,M1,therms,30,\n" + day("20040201", "1", "A") + meter
                                + day("20040201", "1", "A") + "900\n",
                        48, List.of("2: 200 record has UOM 'therms'",
                                "3: 300 record belongs to the rejected 200 record on line 2")),
                Arguments.of("interval length not allowed",
                        HEADER + "200,NMI1,E1,1,E1,N1,M1,kWh,7,\n900\n",
                        0, List.of("2: 200 record has IntervalLength 7")),
                Arguments.of("a bad value rejects only that value",
                        HEADER + meter + day("20040201", "1", "A").replaceFirst(",1,", ",x,") + "900\n",
                        47, List.of("3: interval 1 of 2004-02-01: 'x' is not a number")),
                Arguments.of("null data (N) is skipped without a reject",
                        HEADER + meter + day("20040201", "1", "N") + "900\n",
                        0, List.of()),
                Arguments.of("overlapping 400 records",
                        HEADER + meter + day("20040201", "1", "V") + "400,1,30,A,,\n400,25,48,E52,,\n900\n",
                        30, List.of("5: 400 record range 25–48 overlaps an earlier 400 record at interval 25",
                                "3: intervals 31–48 of 2004-02-01")),
                Arguments.of("400 after a day that is not V",
                        HEADER + meter + day("20040201", "1", "A") + "400,1,48,E52,,\n900\n",
                        48, List.of("4: 400 record follows the 300 record on line 3 whose QualityMethod is not V")),
                Arguments.of("300 before any 200",
                        HEADER + day("20040201", "1", "A") + "900\n",
                        0, List.of("2: 300 record without a 200 record before it", "3: the file holds no meter data")),
                Arguments.of("records after 900 and no second 900",
                        HEADER + meter + day("20040201", "1", "A") + "900\n" + day("20040202", "1", "A"),
                        48, List.of("5: record 300 after the 900 end record on line 4")),
                Arguments.of("missing 900",
                        HEADER + meter + day("20040201", "1", "A"),
                        48, List.of("3: the file ends without a 900 end record")),
                Arguments.of("250 in a NEM12 file",
                        HEADER + "250,NMI1,11,1,11,11,M1,E,1,20031005093055,A,,,2,20040107100333,A,,,1,kWh,,,\n900\n",
                        0, List.of("2: 250 record in a NEM12 file")),
                Arguments.of("unknown header version",
                        "100,NEM99,200405011135,MDA1,Ret1\n900\n",
                        0, List.of("1: 100 header names version 'NEM99'")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smallFiles")
    void smallFiles(String name, String file, int intervals, List<String> expected) {
        RecordingSink sink = parseText(file);

        assertRejects(expected, sink);
        assertEquals(intervals, sink.intervals.size(), "interval reads");
    }
}
