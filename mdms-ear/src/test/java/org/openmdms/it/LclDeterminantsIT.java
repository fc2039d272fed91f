package org.openmdms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Billing determinants on real data: three Low Carbon London households on the dynamic time-of-use
 * tariff, March and April 2013 (the spring-forward day included), priced with the real 2013 band
 * calendar (High / Normal / Low per half-hour, published through the REST API from the raw CSV) at
 * the published prices. A monthly billing cycle is run for each month through the API; the test
 * computes the same determinants itself from the raw files — each half-hour's London month and band
 * by its start — plus the estimates VEE stored for the files' gaps (read back through the reads API),
 * and compares kWh per band, total, cost, and interval counts (1 486 half-hours in March in London).
 * Files and their source: src/test/resources/lcl-dtou/README.md.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LclDeterminantsIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final List<String> METERS = List.of("MAC000005", "MAC000014", "MAC000015");
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);
    private static final Map<String, BigDecimal> PRICES = Map.of("High", new BigDecimal("67.20"), "Normal",
            new BigDecimal("11.76"), "Low", new BigDecimal("3.99"));
    private static final List<LocalDate> READ_DATES = List.of(LocalDate.of(2013, 3, 1), LocalDate.of(2013, 4, 1),
            LocalDate.of(2013, 5, 1));

    private final Api admin = Api.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    static String resource(String name) {
        try (InputStream in = LclDeterminantsIT.class.getResourceAsStream("/lcl-dtou/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The raw file's values by half-hour start (GMT labels; "Null" is absent), at the 6 decimals the
     * interval store keeps (NUMERIC(18,6)): the files carry float artefacts such as 1.1059999, stored
     * as 1.106.
     */
    static TreeMap<Instant, BigDecimal> raw(String file) {
        TreeMap<Instant, BigDecimal> values = new TreeMap<>();
        file.lines().skip(1).filter(l -> !l.isBlank()).forEach(line -> {
            String[] f = line.split(",");
            if (!f[2].trim().equalsIgnoreCase("Null")) {
                values.put(LocalDateTime.parse(f[1].trim().replace(' ', 'T')).toInstant(ZoneOffset.UTC),
                        new BigDecimal(f[2].trim()).setScale(6, RoundingMode.HALF_UP));
            }
        });
        return values;
    }

    /** The band of every half-hour by its start, from the tariff file (GMT labels of starts). */
    static Map<Instant, String> bands(String file) {
        Map<Instant, String> bands = new HashMap<>();
        file.lines().skip(1).filter(l -> !l.isBlank()).forEach(line -> {
            String[] f = line.split(",");
            bands.put(LocalDateTime.parse(f[0].trim().replace(' ', 'T')).toInstant(ZoneOffset.UTC), f[1].trim());
        });
        return bands;
    }

    /** What a scenario set up: its tariff, cycle, usage points by LCL id and their raw values. */
    record Scenario(String tariff, String cycle, Map<String, String> usagePoints,
            Map<String, TreeMap<Instant, BigDecimal>> raws, Map<Instant, String> bands,
            Map<String, Map<Instant, BigDecimal>> estimates) {
    }

    /**
     * Registers the households (installed at their first read, account ACC-&lt;LCL id&gt;), imports their
     * files, saves the priced calendar tariff and publishes the band file, makes a cycle of the read
     * dates, puts the households on both, and waits for VEE to fill their gaps.
     */
    private Scenario setUp(Map<String, String> files, String calendar, List<LocalDate> readDates) {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String tariff = "DTOU-" + run;
        String cycle = "MONTHLY-" + run;
        Map<String, String> usagePoints = new LinkedHashMap<>();
        Map<String, TreeMap<Instant, BigDecimal>> raws = new LinkedHashMap<>();
        StringBuilder registry = new StringBuilder("usage_point_id,commodity,customer_class,time_zone,account_id,feeder,"
                + "meter_serial,installed_from,channels\n");
        for (String meter : files.keySet()) {
            raws.put(meter, raw(files.get(meter)));
            usagePoints.put(meter, "UP-DTOU-" + run + "-" + meter);
            registry.append(usagePoints.get(meter)).append(",ELECTRIC,RESIDENTIAL,Europe/London,ACC-").append(meter)
                    .append(",LCL-F01,DT").append(run).append(meter.substring(3)).append(',')
                    .append(raws.get(meter).firstKey()).append(",KWH:30:DELIVERED\n");
        }
        assertEquals(files.size(), admin.postCsv("registry/import?source=lcl-dtou-it", registry.toString()).json()
                .getInt("created"));
        for (String meter : files.keySet()) {
            String body = files.get(meter).replace(meter + ",", "DT" + run + meter.substring(3) + ",");
            JsonObject imported = admin.postCsv("readings/import?format=lcl&source=" + meter + ".csv", body).json();
            assertEquals(raws.get(meter).size(), imported.getInt("stored"), imported.toString());
        }

        // The tariff: the published calendar of bands, priced; a monthly cycle; the households on both.
        Api.Reply saved = admin.put("tariffs/" + tariff, "{\"name\":\"LCL dynamic ToU 2013\",\"kind\":\"CALENDAR\","
                + "\"calendarIntervalMinutes\":30,\"priceUnit\":\"p/kWh\",\"prices\":{\"High\":67.20,\"Normal\":11.76,"
                + "\"Low\":3.99}}", null);
        assertEquals(200, saved.status(), saved.body());
        Api.Reply published = admin.putCsv("tariffs/" + tariff + "/calendar?zone=UTC", calendar);
        assertEquals(200, published.status(), published.body());
        assertEquals(calendar.lines().skip(1).filter(l -> !l.isBlank()).count(), published.json().getInt("published"));
        Api.Reply cycleSaved = admin.put("billing-cycles/" + cycle, "{\"name\":\"Monthly\",\"readDates\":[\""
                + String.join("\",\"", readDates.stream().map(LocalDate::toString).toList()) + "\"]}", null);
        assertEquals(200, cycleSaved.status(), cycleSaved.body());
        Api.Reply assigned = admin.put("billing-assignments", "{\"usagePoints\":[\""
                + String.join("\",\"", usagePoints.values()) + "\"],\"tariff\":\"" + tariff + "\",\"billingCycle\":\""
                + cycle + "\"}", null);
        assertEquals(files.size(), assigned.json().getInt("changed"), assigned.body());
        return new Scenario(tariff, cycle, usagePoints, raws, bands(calendar), awaitEstimated(usagePoints, raws));
    }

    /**
     * Runs the cycle for each period through the API and compares every household's determinants with
     * the test's own computation: each half-hour by its start, in the London month and the band of the
     * calendar, raw values plus VEE's estimates.
     */
    private void runAndCompare(Scenario scenario, List<LocalDate> readDates) {
        for (int month = 0; month + 1 < readDates.size(); month++) {
            LocalDate start = readDates.get(month);
            LocalDate end = readDates.get(month + 1);
            Api.Reply started = admin.post("billing-cycles/" + scenario.cycle() + "/runs?periodStart=" + start, "");
            assertEquals(202, started.status(), started.body());
            JsonObject done = awaitRun(started.json().getJsonNumber("id").longValue());
            assertEquals("COMPLETED", done.getString("status"), done.toString());
            assertEquals(scenario.usagePoints().size(), done.getInt("calculated"), done.toString());
            assertEquals(0, done.getInt("failed"), done.toString());

            Instant from = start.atStartOfDay(LONDON).toInstant();
            Instant to = end.atStartOfDay(LONDON).toInstant();
            int expected = (int) Duration.between(from, to).dividedBy(HALF_HOUR);
            for (String meter : scenario.usagePoints().keySet()) {
                TreeMap<Instant, BigDecimal> raw = scenario.raws().get(meter);
                Map<String, BigDecimal> byBand = new TreeMap<>();
                int present = 0;
                int estimated = 0;
                Map<Instant, BigDecimal> all = new TreeMap<>(raw);
                scenario.estimates().get(meter).forEach((endAt, value) -> all.put(endAt.minus(HALF_HOUR), value));
                for (Map.Entry<Instant, BigDecimal> read : all.entrySet()) {
                    if (read.getKey().isBefore(from) || !read.getKey().isBefore(to)) {
                        continue;
                    }
                    present++;
                    estimated += raw.containsKey(read.getKey()) ? 0 : 1;
                    byBand.merge(scenario.bands().get(read.getKey()), read.getValue(), BigDecimal::add);
                }
                BigDecimal total = byBand.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal cost = BigDecimal.ZERO;
                for (Map.Entry<String, BigDecimal> band : byBand.entrySet()) {
                    cost = cost.add(band.getValue().setScale(3, RoundingMode.HALF_UP).multiply(PRICES.get(band.getKey()))
                            .setScale(2, RoundingMode.HALF_UP));
                }

                JsonObject d = current(scenario.usagePoints().get(meter), start);
                String what = meter + " " + start;
                assertEquals(0, total.setScale(3, RoundingMode.HALF_UP).compareTo(d.getJsonNumber("deliveredKwh")
                        .bigDecimalValue()), what + ": total " + total + " vs " + d);
                assertEquals(0, cost.compareTo(d.getJsonNumber("cost").bigDecimalValue()), what + ": cost " + cost + " vs " + d);
                assertEquals(expected, d.getInt("expectedIntervals"), what);
                assertEquals(present, d.getInt("presentIntervals"), what);
                assertEquals(estimated, d.getInt("estimatedIntervals"), what);
                assertEquals(0, d.getInt("unscheduledIntervals"), what);
                assertEquals(present == expected, d.getBoolean("isFinal"), what);
                assertEquals("ACC-" + meter, d.getString("accountId"), what);
                Map<String, BigDecimal> shown = new TreeMap<>();
                for (JsonObject p : d.getJsonArray("periods").getValuesAs(JsonObject.class)) {
                    shown.put(p.getString("period"), p.getJsonNumber("deliveredKwh").bigDecimalValue());
                }
                // every band of the calendar is listed, zero when unused (a household whose data ended)
                assertTrue(shown.keySet().containsAll(byBand.keySet()), what + ": " + shown + " vs " + byBand);
                shown.forEach((band, kwh) -> assertEquals(0, byBand.getOrDefault(band, BigDecimal.ZERO)
                        .setScale(3, RoundingMode.HALF_UP).compareTo(kwh), what + " " + band + ": " + byBand.get(band)
                        + " vs " + kwh));
            }
        }
    }

    @Test
    void monthlyDeterminantsOfTheDynamicTariffHouseholdsMatchAnIndependentComputation() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        METERS.forEach(meter -> files.put(meter, resource(meter + ".csv")));
        Scenario scenario = setUp(files, resource("Tariffs_2013-03-04.csv"), READ_DATES);
        runAndCompare(scenario, READ_DATES);
        assertEquals(1486, (int) Duration.between(READ_DATES.get(0).atStartOfDay(LONDON),
                READ_DATES.get(1).atStartOfDay(LONDON)).dividedBy(HALF_HOUR), "London half-hours in March 2013");
        Map<String, String> usagePoints = scenario.usagePoints();
        Map<String, TreeMap<Instant, BigDecimal>> raws = scenario.raws();
        String cycle = scenario.cycle();

        // The auditors' Excel reports of the same data: determinants (one row per household and band),
        // completeness (one row per household and day), exceptions.
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = workbook("reports/determinants.xlsx?cycle=" + cycle
                + "&periodStart=" + READ_DATES.get(0))) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.getSheetAt(0);
            assertEquals("Usage point", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(METERS.size() * 3, sheet.getLastRowNum(), "a row per household and band");
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(i);
                JsonObject d = current(row.getCell(0).getStringCellValue(), READ_DATES.get(0));
                assertEquals(d.getJsonNumber("deliveredKwh").doubleValue(), row.getCell(8).getNumericCellValue(), 1e-9);
                assertEquals(1486, (int) row.getCell(12).getNumericCellValue());
            }
            assertTrue(sheet.getPaneInformation() != null && sheet.getPaneInformation().isFreezePane());
        }
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = workbook("reports/completeness.xlsx?from="
                + READ_DATES.get(0) + "&to=" + READ_DATES.get(2))) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.getSheetAt(0);
            long mine = 0;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                if (usagePoints.containsValue(sheet.getRow(i).getCell(0).getStringCellValue())) {
                    mine++;
                    org.apache.poi.ss.usermodel.Row row = sheet.getRow(i);
                    LocalDate day = row.getCell(3).getLocalDateTimeCellValue().toLocalDate();
                    assertEquals(day.equals(LocalDate.of(2013, 3, 31)) ? 46 : 48, (int) row.getCell(4).getNumericCellValue(),
                            "expected half-hours on " + day);
                }
            }
            assertEquals(METERS.size() * 61, mine, "a row per household and London day of March and April");
        }
        assertEquals(400, admin.download("reports/exceptions.xlsx?from=2013-05-01&to=2013-03-01").status());
        assertEquals(404, admin.download("reports/nonsense.xlsx?from=2013-03-01&to=2013-05-01").status());

        // Calculating again changes nothing: no new version.
        String up = usagePoints.get(METERS.get(0));
        int versions = admin.get("usage-points/" + up + "/determinants").parse().asJsonArray().size();
        Api.Reply again = admin.post("usage-points/" + up + "/determinants?from=" + READ_DATES.get(0) + "&to="
                + READ_DATES.get(1), "");
        assertEquals(200, again.status(), again.body());
        assertEquals(versions, admin.get("usage-points/" + up + "/determinants").parse().asJsonArray().size());
        String march = "from=" + READ_DATES.get(0) + "&to=" + READ_DATES.get(1);
        assertEquals(false, admin.get("usage-points/" + up + "/determinants/stale?" + march).json().getBoolean("stale"));

        // An analyst edits a March read: March is stale, the next run recalculates it as a new version.
        long channel = admin.get("usage-points/" + up).json().getJsonArray("channels").getJsonObject(0)
                .getJsonNumber("id").longValue();
        Instant edited = raws.get(METERS.get(0)).ceilingKey(Instant.parse("2013-03-12T18:00:00Z"));
        BigDecimal before = raws.get(METERS.get(0)).get(edited);
        Api.Reply edit = admin.post("usage-points/" + up + "/channels/" + channel + "/edits", "{\"values\":[{"
                + "\"intervalEnd\":\"" + edited.plus(HALF_HOUR) + "\",\"value\":" + before.add(BigDecimal.TEN)
                + "}],\"reason\":\"CUSTOMER_OR_FIELD_READ\"}");
        assertEquals(200, edit.status(), edit.body());
        assertEquals(true, admin.get("usage-points/" + up + "/determinants/stale?" + march).json().getBoolean("stale"));
        JsonObject rerun = awaitRun(admin.post("billing-cycles/" + cycle + "/runs?periodStart=" + READ_DATES.get(0), "")
                .json().getJsonNumber("id").longValue());
        assertEquals(1, rerun.getInt("calculated"), rerun.toString());
        assertEquals(METERS.size() - 1, rerun.getInt("unchanged"), rerun.toString());
        JsonObject recalculated = current(up, READ_DATES.get(0));
        assertEquals("STALE", recalculated.getString("reason"));
        assertEquals(2, recalculated.getInt("version"));
        assertEquals(1, recalculated.getInt("editedIntervals"));
        assertEquals(false, admin.get("usage-points/" + up + "/determinants/stale?" + march).json().getBoolean("stale"));
        assertEquals(versions + 1, admin.get("usage-points/" + up + "/determinants").parse().asJsonArray().size());

        // The legacy billing file of today's calculations holds the latest version, with its values.
        String today = java.time.LocalDate.now(ZoneOffset.UTC).toString();
        Api.Reply written = admin.post("exports/billing?day=" + today, "");
        assertEquals(200, written.status(), written.body());
        assertEquals(4, written.json().getJsonArray("files").size(), written.body());
        Api.Reply csv = admin.download("exports/billing/" + today + "/new.csv");
        assertEquals(200, csv.status(), csv.body());
        String line = csv.body().lines().filter(l -> l.startsWith("D," + up + ",") && l.contains(",20130301,"))
                .findFirst().orElseThrow(() -> new AssertionError("no D record of " + up + " in " + csv.body()));
        String[] d = line.split(",");
        assertEquals("0002", d[5], line);
        assertEquals(0, new BigDecimal(d[7]).compareTo(recalculated.getJsonNumber("deliveredKwh").bigDecimalValue()), line);
        List<String> lines = csv.body().lines().toList();
        assertTrue(lines.get(0).startsWith("H,MDMSBILL01,"), lines.get(0));
        assertEquals(Integer.parseInt(lines.get(0).split(",")[4]), lines.stream().filter(l -> l.startsWith("D,")).count());
        assertEquals(csv.body(), admin.download("exports/billing/" + today + "/new.csv").body(), "same day, same bytes");
    }

    /**
     * Every household of the 100 that is on the dynamic tariff (18), the whole of 2013: their raw rows
     * taken from the demo's copy of the files (the same rows, one gzipped file), the full 2013 band
     * calendar, twelve monthly periods.
     */
    @Test
    void aWholeYearOfEveryDynamicTariffHousehold() throws IOException {
        Map<String, StringBuilder> rows = new LinkedHashMap<>();
        String header;
        try (java.io.BufferedReader in = gz("/demo/lcl-households.csv", false)) {
            in.lines().skip(1).map(l -> l.split(",")).filter(f -> f[1].equals("ToU"))
                    .forEach(f -> rows.put(f[0], new StringBuilder()));
        }
        try (java.io.BufferedReader in = gz("/demo/lcl-2013-reads.csv.gz", true)) {
            header = in.readLine();
            in.lines().forEach(line -> {
                StringBuilder file = rows.get(line.substring(0, line.indexOf(',')));
                if (file != null) {
                    file.append(line).append('\n');
                }
            });
        }
        assertEquals(18, rows.size(), "the dynamic-tariff households among the 100");
        Map<String, String> files = new LinkedHashMap<>();
        rows.forEach((meter, body) -> files.put(meter, header + "\n" + body));
        String calendar;
        try (java.io.BufferedReader in = gz("/demo/dtou-tariff-2013.csv.gz", true)) {
            calendar = in.lines().collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        }
        List<LocalDate> months = LocalDate.of(2013, 1, 1).datesUntil(LocalDate.of(2014, 1, 2), java.time.Period.ofMonths(1))
                .toList();
        assertEquals(13, months.size());
        runAndCompare(setUp(files, calendar, months), months);
    }

    private static java.io.BufferedReader gz(String name, boolean gzipped) throws IOException {
        InputStream in = LclDeterminantsIT.class.getResourceAsStream(name);
        assertTrue(in != null, name + " is on the test class path (mdms-ejb's demo data)");
        return new java.io.BufferedReader(new java.io.InputStreamReader(gzipped ? new java.util.zip.GZIPInputStream(in)
                : in, StandardCharsets.UTF_8));
    }

    private org.apache.poi.xssf.usermodel.XSSFWorkbook workbook(String path) {
        Api.Download report = admin.downloadBytes(path);
        assertEquals(200, report.status(), new String(report.body(), StandardCharsets.UTF_8));
        assertTrue(report.headers().firstValue("Content-Disposition").orElse("").contains(".xlsx"));
        try {
            return new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(report.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The current determinants of a usage point for the period starting on this date. */
    private JsonObject current(String usagePoint, LocalDate start) {
        JsonArray all = admin.get("usage-points/" + usagePoint + "/determinants").parse().asJsonArray();
        return all.getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("periodStart").equals(start.toString()) && !d.containsKey("supersededAt"))
                .findFirst().orElseThrow(() -> new AssertionError("no determinants of " + usagePoint + " for " + start
                        + ": " + all));
    }

    /**
     * Waits until the VEE worker has judged everything queued (its backlog empty), then returns each
     * household's estimates by interval end, checking that they fill only half-hours absent from the file.
     */
    private Map<String, Map<Instant, BigDecimal>> awaitEstimated(Map<String, String> usagePoints,
            Map<String, TreeMap<Instant, BigDecimal>> raws) {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (admin.get("vee/backlog").json().getJsonNumber("pendingDays").longValue() > 0) {
            assertTrue(System.nanoTime() < deadline, "the VEE backlog is not empty after 180 s");
            sleep();
        }
        Map<String, Map<Instant, BigDecimal>> estimates = new LinkedHashMap<>();
        for (Map.Entry<String, String> meter : usagePoints.entrySet()) {
            TreeMap<Instant, BigDecimal> raw = raws.get(meter.getKey());
            long channel = admin.get("usage-points/" + meter.getValue()).json().getJsonArray("channels")
                    .getJsonObject(0).getJsonNumber("id").longValue();
            Map<Instant, BigDecimal> found = new TreeMap<>();
            // VEE judges whole London days: a file ending at 23:30 GMT in summer leaves the rest of the next
            // London day to estimates. The reads API gives at most 62 days at a time.
            Instant first = raw.firstKey().atZone(LONDON).toLocalDate().atStartOfDay(LONDON).toInstant().plus(HALF_HOUR);
            Instant last = raw.lastKey().atZone(LONDON).toLocalDate().plusDays(1).atStartOfDay(LONDON).toInstant()
                    .plus(HALF_HOUR);
            for (Instant from = first; from.isBefore(last); from = from.plus(Duration.ofDays(60))) {
                Instant to = from.plus(Duration.ofDays(60)).isBefore(last) ? from.plus(Duration.ofDays(60)) : last;
                admin.get("usage-points/" + meter.getValue() + "/channels/" + channel + "/reads?from=" + from + "&to="
                        + to).json().getJsonArray("reads").getValuesAs(JsonObject.class).stream()
                        .filter(r -> r.getString("source").equals("ESTIMATED"))
                        .forEach(r -> found.put(Instant.parse(r.getString("intervalEnd")),
                                r.getJsonNumber("value").bigDecimalValue()));
            }
            found.keySet().forEach(end -> assertTrue(!raw.containsKey(end.minus(HALF_HOUR)),
                    meter.getKey() + ": an estimate over a read of the file at " + end));
            estimates.put(meter.getKey(), found);
        }
        return estimates;
    }

    private JsonObject awaitRun(long id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonObject run = admin.get("billing-runs/" + id).json();
            if (!run.getString("status").equals("RUNNING")) {
                return run;
            }
            assertTrue(System.nanoTime() < deadline, "billing run " + id + " still running after 60 s: " + run);
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
