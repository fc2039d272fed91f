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

    /** The raw file's values by half-hour start (GMT labels; "Null" is absent). */
    static TreeMap<Instant, BigDecimal> raw(String file) {
        TreeMap<Instant, BigDecimal> values = new TreeMap<>();
        file.lines().skip(1).filter(l -> !l.isBlank()).forEach(line -> {
            String[] f = line.split(",");
            if (!f[2].trim().equalsIgnoreCase("Null")) {
                values.put(LocalDateTime.parse(f[1].trim().replace(' ', 'T')).toInstant(ZoneOffset.UTC),
                        new BigDecimal(f[2].trim()));
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

    @Test
    void monthlyDeterminantsOfTheDynamicTariffHouseholdsMatchAnIndependentComputation() {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String tariff = "DTOU-" + run;
        String cycle = "MONTHLY-" + run;
        Map<String, String> usagePoints = new LinkedHashMap<>();
        Map<String, TreeMap<Instant, BigDecimal>> raws = new LinkedHashMap<>();
        StringBuilder registry = new StringBuilder("usage_point_id,commodity,customer_class,time_zone,account_id,feeder,"
                + "meter_serial,installed_from,channels\n");
        for (String meter : METERS) {
            raws.put(meter, raw(resource(meter + ".csv")));
            usagePoints.put(meter, "UP-DTOU-" + run + "-" + meter);
            registry.append(usagePoints.get(meter)).append(",ELECTRIC,RESIDENTIAL,Europe/London,ACC-").append(meter)
                    .append(",LCL-F01,DT").append(run).append(meter.substring(3)).append(',')
                    .append(raws.get(meter).firstKey()).append(",KWH:30:DELIVERED\n");
        }
        assertEquals(METERS.size(), admin.postCsv("registry/import?source=lcl-dtou-it", registry.toString()).json()
                .getInt("created"));
        for (String meter : METERS) {
            String body = resource(meter + ".csv").replace(meter + ",", "DT" + run + meter.substring(3) + ",");
            JsonObject imported = admin.postCsv("readings/import?format=lcl&source=" + meter + ".csv", body).json();
            assertEquals(raws.get(meter).size(), imported.getInt("stored"), imported.toString());
        }

        // The tariff: the published calendar of bands, priced; a monthly cycle; the households on both.
        Api.Reply saved = admin.put("tariffs/" + tariff, "{\"name\":\"LCL dynamic ToU 2013\",\"kind\":\"CALENDAR\","
                + "\"calendarIntervalMinutes\":30,\"priceUnit\":\"p/kWh\",\"prices\":{\"High\":67.20,\"Normal\":11.76,"
                + "\"Low\":3.99}}", null);
        assertEquals(200, saved.status(), saved.body());
        String calendar = resource("Tariffs_2013-03-04.csv");
        Api.Reply published = admin.putCsv("tariffs/" + tariff + "/calendar?zone=UTC", calendar);
        assertEquals(200, published.status(), published.body());
        assertEquals(calendar.lines().skip(1).filter(l -> !l.isBlank()).count(), published.json().getInt("published"));
        Api.Reply cycleSaved = admin.put("billing-cycles/" + cycle, "{\"name\":\"Monthly\",\"readDates\":[\""
                + READ_DATES.get(0) + "\",\"" + READ_DATES.get(1) + "\",\"" + READ_DATES.get(2) + "\"]}", null);
        assertEquals(200, cycleSaved.status(), cycleSaved.body());
        Api.Reply assigned = admin.put("billing-assignments", "{\"usagePoints\":[\""
                + String.join("\",\"", usagePoints.values()) + "\"],\"tariff\":\"" + tariff + "\",\"billingCycle\":\""
                + cycle + "\"}", null);
        assertEquals(METERS.size(), assigned.json().getInt("changed"), assigned.body());

        Map<String, Map<Instant, BigDecimal>> estimates = awaitEstimated(usagePoints);

        for (int month = 0; month < 2; month++) {
            LocalDate start = READ_DATES.get(month);
            LocalDate end = READ_DATES.get(month + 1);
            Api.Reply started = admin.post("billing-cycles/" + cycle + "/runs?periodStart=" + start, "");
            assertEquals(202, started.status(), started.body());
            JsonObject done = awaitRun(started.json().getJsonNumber("id").longValue());
            assertEquals("COMPLETED", done.getString("status"), done.toString());
            assertEquals(METERS.size(), done.getInt("calculated"), done.toString());
            assertEquals(0, done.getInt("failed"), done.toString());

            Map<Instant, String> bands = bands(calendar);
            Instant from = start.atStartOfDay(LONDON).toInstant();
            Instant to = end.atStartOfDay(LONDON).toInstant();
            int expected = (int) Duration.between(from, to).dividedBy(HALF_HOUR);
            for (String meter : METERS) {
                // the independent computation: each half-hour by its start, raw values and VEE's estimates
                Map<String, BigDecimal> byBand = new TreeMap<>();
                int present = 0;
                int estimated = 0;
                Map<Instant, BigDecimal> all = new TreeMap<>(raws.get(meter));
                estimates.get(meter).forEach((endAt, value) -> all.put(endAt.minus(HALF_HOUR), value));
                for (Map.Entry<Instant, BigDecimal> read : all.entrySet()) {
                    if (read.getKey().isBefore(from) || !read.getKey().isBefore(to)) {
                        continue;
                    }
                    present++;
                    estimated += raws.get(meter).containsKey(read.getKey()) ? 0 : 1;
                    byBand.merge(bands.get(read.getKey()), read.getValue(), BigDecimal::add);
                }
                BigDecimal total = byBand.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal cost = BigDecimal.ZERO;
                for (Map.Entry<String, BigDecimal> band : byBand.entrySet()) {
                    cost = cost.add(band.getValue().setScale(3, RoundingMode.HALF_UP).multiply(PRICES.get(band.getKey()))
                            .setScale(2, RoundingMode.HALF_UP));
                }

                JsonObject d = current(usagePoints.get(meter), start);
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
                assertEquals(byBand.keySet(), shown.keySet(), what);
                byBand.forEach((band, kwh) -> assertEquals(0, kwh.setScale(3, RoundingMode.HALF_UP)
                        .compareTo(shown.get(band)), what + " " + band + ": " + kwh + " vs " + shown.get(band)));
            }
            assertEquals(start.getMonthValue() == 3 ? 1486 : 1440, expected, "London half-hours in the month");
        }

        // Calculating again changes nothing: no new version.
        String up = usagePoints.get(METERS.get(0));
        int versions = admin.get("usage-points/" + up + "/determinants").parse().asJsonArray().size();
        Api.Reply again = admin.post("usage-points/" + up + "/determinants?from=" + READ_DATES.get(0) + "&to="
                + READ_DATES.get(1), "");
        assertEquals(200, again.status(), again.body());
        assertEquals(versions, admin.get("usage-points/" + up + "/determinants").parse().asJsonArray().size());
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
     * Waits until VEE has filled every gap of the files (each day of the span complete), then returns
     * the estimates by interval end.
     */
    private Map<String, Map<Instant, BigDecimal>> awaitEstimated(Map<String, String> usagePoints) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Map<String, Map<Instant, BigDecimal>> estimates = new LinkedHashMap<>();
        for (Map.Entry<String, String> meter : usagePoints.entrySet()) {
            TreeMap<Instant, BigDecimal> raw = raw(resource(meter.getKey() + ".csv"));
            long channel = admin.get("usage-points/" + meter.getValue()).json().getJsonArray("channels")
                    .getJsonObject(0).getJsonNumber("id").longValue();
            int wanted = (int) Duration.between(raw.firstKey(), raw.lastKey()).dividedBy(HALF_HOUR) + 1;
            while (true) {
                JsonArray reads = admin.get("usage-points/" + meter.getValue() + "/channels/" + channel + "/reads?from="
                        + raw.firstKey().plus(HALF_HOUR) + "&to=" + raw.lastKey().plus(HALF_HOUR).plusSeconds(1)).json()
                        .getJsonArray("reads");
                if (reads.size() == wanted) {
                    Map<Instant, BigDecimal> found = new TreeMap<>();
                    reads.getValuesAs(JsonObject.class).stream().filter(r -> r.getString("source").equals("ESTIMATED"))
                            .forEach(r -> found.put(Instant.parse(r.getString("intervalEnd")),
                                    r.getJsonNumber("value").bigDecimalValue()));
                    assertEquals(wanted - raw.size(), found.size(), meter.getKey());
                    estimates.put(meter.getKey(), found);
                    break;
                }
                assertTrue(System.nanoTime() < deadline, "VEE did not fill the gaps of " + meter.getKey() + " in 90 s");
                sleep();
            }
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
