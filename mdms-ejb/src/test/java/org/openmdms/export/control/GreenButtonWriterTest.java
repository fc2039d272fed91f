package org.openmdms.export.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.ReadingType;
import org.openmdms.meter.entity.Unit;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;
import org.openmdms.reading.store.StoredInterval;

/**
 * A Green Button feed of real Low Carbon London half-hours across the 2013 spring-forward day passes
 * the ESPI 4.0 schema and the CMD test stylesheets; so do the OpenESPI samples (the harness works),
 * and a broken feed fails them (the test can fail).
 */
class GreenButtonWriterTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant NOW = Instant.parse("2013-04-02T08:00:00Z");
    private static final ReadingType HALF_HOURLY = ReadingType.interval(Unit.KWH, 30, FlowDirection.DELIVERED);

    /** The slice's reads (GMT tstp = start of the half-hour), in time order, some made estimated or edited. */
    static List<StoredInterval> lclReads() {
        List<StoredInterval> reads = new ArrayList<>();
        try (InputStream in = GreenButtonWriterTest.class.getResourceAsStream("/lcl/MAC000026-dst-2013.csv");
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            lines.readLine();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] f = line.split(",");
                Instant end = LocalDateTime.parse(f[1].replace(' ', 'T')).toInstant(ZoneOffset.UTC).plusSeconds(1800);
                reads.add(new StoredInterval(end, new BigDecimal(f[2].strip()), Quality.VALID, ReadSource.ACTUAL, 1, NOW));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mark(reads, "2013-03-31T10:00:00Z", Quality.ofEstimationMethod("linear-interpolation"), ReadSource.ESTIMATED);
        mark(reads, "2013-03-31T10:30:00Z", Quality.ofEstimationMethod("like-day"), ReadSource.ESTIMATED);
        mark(reads, "2013-03-31T11:00:00Z", Quality.VALID, ReadSource.EDITED);
        mark(reads, "2013-03-31T11:30:00Z", Quality.QUESTIONABLE, ReadSource.ACTUAL);
        return reads;
    }

    private static void mark(List<StoredInterval> reads, String end, int quality, ReadSource source) {
        for (int i = 0; i < reads.size(); i++) {
            StoredInterval r = reads.get(i);
            if (r.intervalEnd().equals(Instant.parse(end))) {
                reads.set(i, new StoredInterval(r.intervalEnd(), r.value(), quality, source, 2, NOW));
                return;
            }
        }
        throw new IllegalStateException("no read ending " + end);
    }

    /** Local London days [30 March, 1 April): the reads starting in them. */
    static byte[] feed(List<StoredInterval> all) {
        LocalDate from = LocalDate.of(2013, 3, 30);
        LocalDate to = LocalDate.of(2013, 4, 1);
        Instant start = from.atStartOfDay(LONDON).toInstant();
        Instant end = to.atStartOfDay(LONDON).toInstant();
        List<StoredInterval> reads = all.stream()
                .filter(r -> r.intervalEnd().isAfter(start) && !r.intervalEnd().isAfter(end)).toList();
        BigDecimal total = reads.stream().map(StoredInterval::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GreenButtonWriter writer = new GreenButtonWriter(out, NOW)) {
            writer.begin("UP-MAC000026", Commodity.ELECTRIC, LONDON, from, to);
            writer.meterReading(17, HALF_HOURLY, Commodity.ELECTRIC, reads);
            writer.usageSummary(start, end, total, reads.get(reads.size() - 1).intervalEnd(), new BigDecimal("9.876"),
                    GreenButtonWriter.summaryQuality(false), NOW);
            writer.end();
        }
        return out.toByteArray();
    }

    @Test
    void aFeedOfRealHalfHoursAcrossTheSpringDstDayPassesTheSchemaAndTheCmdTests() {
        byte[] feed = feed(lclReads());

        assertEquals(List.of(), GreenButtonConformance.schemaErrors(feed));
        for (String stylesheet : GreenButtonConformance.STYLESHEETS) {
            assertEquals(List.of(), GreenButtonConformance.failedAssertions(stylesheet, feed), stylesheet);
        }
    }

    @Test
    void theDstDayIsOneBlockOf46HalfHoursIn23HoursWithTheReadsInWattHours() {
        String xml = new String(feed(lclReads()), StandardCharsets.UTF_8);

        List<String> blocks = blocks(xml);
        assertEquals(2, blocks.size());
        long dayStart = Instant.parse("2013-03-31T00:00:00Z").getEpochSecond(); // GMT until 01:00
        String dst = blocks.get(1);
        assertTrue(dst.contains("<interval><duration>82800</duration><start>" + dayStart + "</start></interval>"), dst);
        assertEquals(46, count(dst, "<IntervalReading>"));
        assertEquals(48, count(blocks.get(0), "<IntervalReading>"));
        // MAC000026 2013-03-31 00:00 GMT: 0.141 kWh = 141 Wh (powerOfTenMultiplier 0: three decimals)
        assertTrue(dst.contains("<timePeriod><duration>1800</duration><start>" + dayStart + "</start></timePeriod>"
                + "<value>141</value>"), dst.substring(0, 600));
        assertTrue(xml.contains("<powerOfTenMultiplier>0</powerOfTenMultiplier>"));
        assertTrue(xml.contains("<uom>72</uom>"));
        assertTrue(xml.contains("<intervalLength>1800</intervalLength>"));
    }

    @Test
    void estimatedEditedAndQuestionableReadsCarryTheirQuality() {
        String xml = new String(feed(lclReads()), StandardCharsets.UTF_8);

        assertEquals(List.of(9), qualityEnding(xml, "2013-03-31T10:00:00Z"));
        assertEquals(List.of(8), qualityEnding(xml, "2013-03-31T10:30:00Z"));
        assertEquals(List.of(7), qualityEnding(xml, "2013-03-31T11:00:00Z"));
        assertEquals(List.of(10), qualityEnding(xml, "2013-03-31T11:30:00Z"));
        assertEquals(List.of(), qualityEnding(xml, "2013-03-31T12:00:00Z"));
    }

    @Test
    void valuesWithMoreThanThreeDecimalsGetANegativeMultiplierAndStayExact() {
        List<StoredInterval> reads = List.of(
                new StoredInterval(Instant.parse("2013-06-01T00:30:00Z"), new BigDecimal("0.1234"), 0, ReadSource.ACTUAL, 1, NOW),
                new StoredInterval(Instant.parse("2013-06-01T01:00:00Z"), new BigDecimal("2.5"), 0, ReadSource.ACTUAL, 1, NOW));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GreenButtonWriter writer = new GreenButtonWriter(out, NOW)) {
            writer.begin("UP-1", Commodity.ELECTRIC, ZoneOffset.UTC, LocalDate.of(2013, 6, 1), LocalDate.of(2013, 6, 2));
            writer.meterReading(1, HALF_HOURLY, Commodity.ELECTRIC, reads);
            writer.end();
        }
        String xml = out.toString(StandardCharsets.UTF_8);
        assertTrue(xml.contains("<powerOfTenMultiplier>-1</powerOfTenMultiplier>"), xml);
        assertTrue(xml.contains("<value>1234</value>"));
        assertTrue(xml.contains("<value>25000</value>"));
        assertEquals(List.of(), GreenButtonConformance.schemaErrors(out.toByteArray()));
    }

    @Test
    void localTimeParametersEncodeTheZonesDstRules() {
        // London: last Sunday of March 01:00 GMT, last Sunday of October 02:00 BST
        GreenButtonWriter.LocalTimeParameters london = GreenButtonWriter.LocalTimeParameters.of(LONDON,
                LocalDate.of(2013, 3, 30));
        assertEquals("3E0E1000", london.dstStartRule());
        assertEquals("AE0E2000", london.dstEndRule());
        assertEquals(3600, london.dstOffset());
        assertEquals(0, london.tzOffset());
        // the OpenESPI sample's North American rules: second Sunday of March, first of November, 02:00
        GreenButtonWriter.LocalTimeParameters eastern = GreenButtonWriter.LocalTimeParameters.of(
                ZoneId.of("America/New_York"), LocalDate.of(2013, 1, 1));
        assertEquals("360E2000", eastern.dstStartRule());
        assertEquals("B40E2000", eastern.dstEndRule());
        assertEquals(-18000, eastern.tzOffset());
        // no DST: rule processing disabled
        GreenButtonWriter.LocalTimeParameters brisbane = GreenButtonWriter.LocalTimeParameters.of(
                ZoneId.of("Australia/Brisbane"), LocalDate.of(2013, 1, 1));
        assertEquals("FFFFFFFF", brisbane.dstStartRule());
        assertEquals(0, brisbane.dstOffset());
        assertEquals(36000, brisbane.tzOffset());
    }

    @ParameterizedTest
    @ValueSource(strings = {"samples/test_usage_data_01.xml", "samples/test_usage_data_1.xml"})
    void theOpenEspiSamplesPassTheSameChecks(String sample) throws IOException {
        byte[] feed;
        try (InputStream in = GreenButtonConformance.resource(sample).openStream()) {
            feed = in.readAllBytes();
        }
        assertEquals(List.of(), GreenButtonConformance.schemaErrors(feed));
        for (String stylesheet : GreenButtonConformance.STYLESHEETS) {
            assertEquals(List.of(), GreenButtonConformance.failedAssertions(stylesheet, feed), stylesheet);
        }
    }

    @Test
    void aBrokenFeedFailsBothChecks() {
        String xml = new String(feed(lclReads()), StandardCharsets.UTF_8);
        // drop the LocalTimeParameters entry and the UsageSummary, give a reading a second value
        String broken = xml.replaceFirst("<entry><id>[^<]*</id><link rel=\"self\" href=\"[^\"]*LocalTimeParameters/.*?</entry>", "")
                .replaceFirst("<entry><id>[^<]*</id><link rel=\"self\" href=\"[^\"]*UsageSummary/.*?</entry>", "")
                .replaceFirst("</timePeriod><value>", "</timePeriod><value>1</value><value>");
        byte[] feed = broken.getBytes(StandardCharsets.UTF_8);

        assertFalse(GreenButtonConformance.schemaErrors(feed).isEmpty());
        List<String> fb01 = GreenButtonConformance.failedAssertions("FB_01.xsl", feed);
        assertTrue(fb01.contains("D136 LocalTimeParameters"), fb01.toString());
        assertTrue(fb01.contains("D007 UsagePoint related LocalTimeParameters"), fb01.toString());
        assertTrue(GreenButtonConformance.failedAssertions("FB_15.xsl", feed).contains("D083 ElectricPowerUsageSummary"));
    }

    private static List<String> blocks(String xml) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("<IntervalBlock xmlns=\"http://naesb.org/espi\">(.*?)</IntervalBlock>").matcher(xml);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    private static List<Integer> qualityEnding(String xml, String end) {
        long start = Instant.parse(end).getEpochSecond() - 1800;
        Matcher m = Pattern.compile("<IntervalReading>((?:(?!<IntervalReading>).)*?)<timePeriod><duration>1800</duration><start>"
                + start + "</start>").matcher(xml);
        assertTrue(m.find(), "no reading starting " + start);
        List<Integer> codes = new ArrayList<>();
        Matcher q = Pattern.compile("<quality>(\\d+)</quality>").matcher(m.group(1));
        while (q.find()) {
            codes.add(Integer.parseInt(q.group(1)));
        }
        return codes;
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
