package org.openmdms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A billing run on PostgreSQL sums the reads in the database (one grouped query per batch,
 * {@code mdms.billing.in-database}); a calculation on demand uses the Java calculator. Both must give
 * the same determinants: the test runs the cycle and then calculates every usage point on demand
 * (October 2025: no new version may appear), and the other way round for November (calculated on
 * demand first, then the run must find every usage point unchanged). The reads go straight into the
 * test database with psql: quarter-hours with gaps, estimated and edited reads, an export channel,
 * over the autumn DST change in London (26 October) and in Los Angeles (2 November); a seasonal
 * tariff with a 30-minute block demand window and a CPP event, a calendar tariff published for half
 * of October (the rest UNSCHEDULED); and a usage point whose account changes mid-October, which the
 * run calculates in Java. The server log says how many the database summed. PostgreSQL only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseDeterminantsIT {

    private static final List<LocalDate> READ_DATES = List.of(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 11, 1),
            LocalDate.of(2025, 12, 1));

    private final Api admin = Api.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void theDatabaseAndTheJavaCalculatorGiveTheSameDeterminants() throws Exception {
        Assumptions.assumeTrue("postgresql".equals(System.getProperty("mdms.it.db")),
                "the bulk path in the database is PostgreSQL's; on H2 runs calculate in Java");
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String seasonal = "DBTOU-" + run;
        String calendar = "DBCAL-" + run;
        String cycle = "DBMONTHLY-" + run;
        // usage point -> zone, channels, tariff
        Map<String, String[]> ups = new LinkedHashMap<>();
        ups.put("UP-DB-" + run + "-NET", new String[] {"Europe/London", "KWH:15:DELIVERED;KWH:15:RECEIVED", seasonal});
        ups.put("UP-DB-" + run + "-GAPS", new String[] {"Europe/London", "KWH:15:DELIVERED", seasonal});
        ups.put("UP-DB-" + run + "-LA", new String[] {"America/Los_Angeles", "KWH:15:DELIVERED", seasonal});
        ups.put("UP-DB-" + run + "-CAL", new String[] {"Europe/London", "KWH:15:DELIVERED", calendar});
        ups.put("UP-DB-" + run + "-MOVE", new String[] {"Europe/London", "KWH:15:DELIVERED", seasonal});
        StringBuilder registry = new StringBuilder(
                "usage_point_id,commodity,customer_class,time_zone,account_id,meter_serial,installed_from,channels\n");
        int m = 0;
        for (Map.Entry<String, String[]> up : ups.entrySet()) {
            registry.append(up.getKey()).append(",E,RESIDENTIAL,").append(up.getValue()[0]).append(",ACC-").append(up.getKey())
                    .append(",DB").append(run).append(m++).append(",2025-09-01,").append(up.getValue()[1]).append('\n');
        }
        assertEquals(ups.size(), admin.postCsv("registry/import?source=db-determinants-it", registry.toString()).json()
                .getInt("created"));

        // Tariffs: seasonal with a 30-minute block window and a CPP event; a calendar of half-hours
        // published for 1-15 October only.
        Api.Reply saved = admin.put("tariffs/" + seasonal, "{\"name\":\"DB ToU\",\"kind\":\"SEASONAL\","
                + "\"holidaysAsSunday\":true,\"demandWindowMinutes\":30,\"priceUnit\":\"p/kWh\","
                + "\"prices\":{\"peak\":38.5,\"shoulder\":24.25,\"off-peak\":11.8},"
                + "\"seasons\":[{\"name\":\"all year\",\"startDay\":\"01-01\",\"endDay\":\"01-01\",\"periods\":["
                + "{\"dayType\":\"WEEKDAY\",\"start\":\"22:00\",\"end\":\"07:00\",\"period\":\"off-peak\"},"
                + "{\"dayType\":\"WEEKDAY\",\"start\":\"07:00\",\"end\":\"16:00\",\"period\":\"shoulder\"},"
                + "{\"dayType\":\"WEEKDAY\",\"start\":\"16:00\",\"end\":\"19:00\",\"period\":\"peak\"},"
                + "{\"dayType\":\"WEEKDAY\",\"start\":\"19:00\",\"end\":\"22:00\",\"period\":\"shoulder\"},"
                + "{\"dayType\":\"SATURDAY\",\"start\":\"00:00\",\"end\":\"00:00\",\"period\":\"off-peak\"},"
                + "{\"dayType\":\"SUNDAY\",\"start\":\"01:00\",\"end\":\"02:00\",\"period\":\"night\"},"
                + "{\"dayType\":\"SUNDAY\",\"start\":\"02:00\",\"end\":\"01:00\",\"period\":\"off-peak\"}]}]}", null);
        assertEquals(200, saved.status(), saved.body());
        Api.Reply event = admin.post("tariffs/" + seasonal + "/cpp-events",
                "{\"start\":\"2025-10-14T16:00:00Z\",\"end\":\"2025-10-14T18:00:00Z\",\"name\":\"it\"}");
        assertTrue(event.status() / 100 == 2, event.body());
        Api.Reply cal = admin.put("tariffs/" + calendar, "{\"name\":\"DB calendar\",\"kind\":\"CALENDAR\","
                + "\"calendarIntervalMinutes\":30,\"priceUnit\":\"p/kWh\",\"prices\":{\"High\":67.20,\"Normal\":11.76,"
                + "\"Low\":3.99}}", null);
        assertEquals(200, cal.status(), cal.body());
        StringBuilder bands = new StringBuilder("start,period\n");
        java.time.Instant from = LocalDate.of(2025, 10, 1).atStartOfDay(ZoneId.of("Europe/London")).toInstant();
        for (int i = 0; i < 15 * 48; i++) {
            bands.append(from.plus(Duration.ofMinutes(30L * i)).toString().replace("T", " ").replace("Z", ""))
                    .append(',').append(i % 11 == 0 ? "High" : i % 3 == 0 ? "Low" : "Normal").append('\n');
        }
        Api.Reply published = admin.putCsv("tariffs/" + calendar + "/calendar?zone=UTC", bands.toString());
        assertEquals(200, published.status(), published.body());
        Api.Reply cycleSaved = admin.put("billing-cycles/" + cycle, "{\"name\":\"DB monthly\",\"readDates\":[\""
                + String.join("\",\"", READ_DATES.stream().map(LocalDate::toString).toList()) + "\"]}", null);
        assertEquals(200, cycleSaved.status(), cycleSaved.body());
        for (String tariff : List.of(seasonal, calendar)) {
            List<String> mine = ups.entrySet().stream().filter(e -> e.getValue()[2].equals(tariff)).map(Map.Entry::getKey)
                    .toList();
            Api.Reply assigned = admin.put("billing-assignments", "{\"usagePoints\":[\"" + String.join("\",\"", mine)
                    + "\"],\"tariff\":\"" + tariff + "\",\"billingCycle\":\"" + cycle + "\"}", null);
            assertEquals(mine.size(), assigned.json().getInt("changed"), assigned.body());
        }

        // Reads straight into the database: two months of quarter-hours with a deterministic load,
        // 3 decimals, repeated values (equal peaks), about 1 % missing, some estimated and edited.
        StringBuilder sql = new StringBuilder("SET TIME ZONE 'UTC';\n");
        sql.append("DO $$ DECLARE m date := date '2025-09-01'; BEGIN"
                + " PERFORM pg_advisory_xact_lock(hashtext('interval_read partitions')); WHILE m < date '2026-01-01' LOOP"
                + " EXECUTE format('CREATE TABLE IF NOT EXISTS interval_read_%s PARTITION OF interval_read FOR VALUES"
                + " FROM (%L) TO (%L)', to_char(m, '\"y\"YYYY\"m\"MM'), m::text || ' 00:00:00+00',"
                + " (m + interval '1 month')::date::text || ' 00:00:00+00'); m := m + interval '1 month'; END LOOP; END $$;\n");
        List<Long> channels = new ArrayList<>();
        for (String up : ups.keySet()) {
            JsonArray chs = admin.get("usage-points/" + up).json().getJsonArray("channels");
            for (JsonObject ch : chs.getValuesAs(JsonObject.class)) {
                channels.add(ch.getJsonNumber("id").longValue());
            }
        }
        sql.append("INSERT INTO interval_read (channel_id, interval_end, read_value, quality, source, version, received_at)"
                + " SELECT c, e, ((hashint8(c * 100003 + extract(epoch FROM e)::bigint / 900) & 1023) % 40) / 10.0"
                + "   + ((hashint8(c + extract(epoch FROM e)::bigint) & 3)) / 1000.0, 0,"
                + "  CASE WHEN (hashint8(c * 7 + extract(epoch FROM e)::bigint) & 63) = 1 THEN 'E'"
                + "       WHEN (hashint8(c * 7 + extract(epoch FROM e)::bigint) & 63) = 2 THEN 'M' ELSE 'A' END, 1, now()"
                + " FROM unnest(ARRAY[").append(String.join(",", channels.stream().map(String::valueOf).toList()))
                .append("]::bigint[]) c, generate_series(timestamptz '2025-09-29 00:15Z', timestamptz '2025-12-02 00:00Z',"
                        + " interval '15 minutes') e WHERE (hashint8(c * 31 + extract(epoch FROM e)::bigint) & 127) <> 5;\n");
        // The MOVE usage point changes account on 15 October at 12:00 UTC: two parts, calculated in Java.
        sql.append("INSERT INTO usage_point_account (usage_point_id, valid_from, account_id) SELECT id, timestamptz"
                + " '2025-09-02 00:00Z', 'ACC-OLD' FROM usage_point WHERE code = 'UP-DB-" + run + "-MOVE';\n");
        sql.append("INSERT INTO usage_point_account (usage_point_id, valid_from, account_id) SELECT id, timestamptz"
                + " '2025-10-15 12:00Z', 'ACC-NEW' FROM usage_point WHERE code = 'UP-DB-" + run + "-MOVE';\n");
        psql(sql.toString());

        // October: the run (in the database), then each on demand (Java) must store nothing new.
        JsonObject october = runCycle(cycle, READ_DATES.get(0));
        assertEquals(ups.size(), october.getInt("calculated"), october.toString());
        assertEquals(ups.size() - 1, summedInDatabase(october.getJsonNumber("id").longValue()),
                "all but the usage point with an account change summed in the database");
        Map<String, Integer> versions = new LinkedHashMap<>();
        for (String up : ups.keySet()) {
            versions.put(up, versionsOf(up));
            Api.Reply again = admin.post("usage-points/" + up + "/determinants?from=" + READ_DATES.get(0) + "&to="
                    + READ_DATES.get(1), "");
            assertEquals(200, again.status(), again.body());
            assertEquals(versions.get(up), versionsOf(up), up + ": the Java calculator found other values than the database: "
                    + admin.get("usage-points/" + up + "/determinants").body());
        }
        // What the month held: DST days, a 30-minute window, CPP, export, estimates and edits, a calendar gap.
        JsonObject net = current("UP-DB-" + run + "-NET", READ_DATES.get(0)).get(0);
        assertEquals(31 * 96 + 4, net.getInt("expectedIntervals"), "London October 2025: 26 October has 100 quarter-hours");
        assertEquals(30, net.getInt("demandWindowMinutes"));
        assertTrue(net.getJsonNumber("receivedKwh").doubleValue() > 0, net.toString());
        assertTrue(net.getJsonNumber("cppKwh").doubleValue() > 0, net.toString());
        assertTrue(net.getInt("estimatedIntervals") > 0 && net.getInt("editedIntervals") > 0, net.toString());
        assertTrue(net.getInt("presentIntervals") < net.getInt("expectedIntervals"), net.toString());
        assertTrue(net.getJsonArray("periods").getValuesAs(JsonObject.class).stream()
                .anyMatch(p -> p.getString("period").equals("night") && p.containsKey("maxKw")), net.toString());
        JsonObject cal1 = current("UP-DB-" + run + "-CAL", READ_DATES.get(0)).get(0);
        assertTrue(cal1.getInt("unscheduledIntervals") > 0, cal1.toString());
        assertEquals(2, current("UP-DB-" + run + "-MOVE", READ_DATES.get(0)).size(), "two account parts");

        // November, the other way round: on demand (Java) first, then the run finds nothing changed.
        for (String up : ups.keySet()) {
            Api.Reply first = admin.post("usage-points/" + up + "/determinants?from=" + READ_DATES.get(1) + "&to="
                    + READ_DATES.get(2), "");
            assertEquals(200, first.status(), first.body());
        }
        JsonObject november = runCycle(cycle, READ_DATES.get(1));
        assertEquals(0, november.getInt("calculated"), "the database found other values than Java: " + november);
        assertEquals(ups.size(), november.getInt("unchanged"), november.toString());
        assertEquals(ups.size(), summedInDatabase(november.getJsonNumber("id").longValue()),
                "in November every usage point is held by one account");
        JsonObject la = current("UP-DB-" + run + "-LA", READ_DATES.get(1)).get(0);
        assertEquals(30 * 96 + 4, la.getInt("expectedIntervals"), "Los Angeles November 2025: 2 November has 25 hours");
    }

    private JsonObject runCycle(String cycle, LocalDate start) throws InterruptedException {
        Api.Reply started = admin.post("billing-cycles/" + cycle + "/runs?periodStart=" + start, "");
        assertEquals(202, started.status(), started.body());
        long id = started.json().getJsonNumber("id").longValue();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonObject run = admin.get("billing-runs/" + id).json();
            if (!run.getString("status").equals("RUNNING")) {
                assertEquals("COMPLETED", run.getString("status"), run.toString());
                assertEquals(0, run.getInt("failed"), run.toString());
                return run;
            }
            assertTrue(System.nanoTime() < deadline, "billing run " + id + " still running: " + run);
            Thread.sleep(300);
        }
    }

    /** From the server log: "Billing run N: U usage points, S summed in the database, ...". */
    private static int summedInDatabase(long runId) throws IOException, InterruptedException {
        Path log = Path.of(System.getProperty("mdms.it.log.dir", "target/it-server/log"), "server.log");
        Pattern line = Pattern.compile("Billing run " + runId + ": \\d+ usage points, (\\d+) summed in the database");
        for (int i = 0; i < 20; i++) {
            Matcher found = line.matcher(Files.readString(log));
            if (found.find()) {
                return Integer.parseInt(found.group(1));
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no summary of billing run " + runId + " in " + log);
    }

    private int versionsOf(String usagePoint) {
        return admin.get("usage-points/" + usagePoint + "/determinants").parse().asJsonArray().size();
    }

    private List<JsonObject> current(String usagePoint, LocalDate start) {
        JsonArray all = admin.get("usage-points/" + usagePoint + "/determinants").parse().asJsonArray();
        return all.getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("periodStart").equals(start.toString()) && !d.containsKey("supersededAt"))
                .toList();
    }

    private static void psql(String sql) throws IOException, InterruptedException {
        String url = System.getProperty("mdms.it.pg.url");
        URI uri = URI.create(url.substring("jdbc:".length()));
        Path file = Files.createTempFile("db-determinants-it", ".sql");
        Files.writeString(file, sql);
        Process psql = new ProcessBuilder("psql", "-h", uri.getHost(), "-p", String.valueOf(uri.getPort() < 0 ? 5432
                : uri.getPort()), "-U", "postgres", "-d", uri.getPath().substring(1), "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-f", file.toString()).redirectErrorStream(true).start();
        String output = new String(psql.getInputStream().readAllBytes());
        int exit = psql.waitFor();
        Files.deleteIfExists(file);
        if (exit != 0) {
            throw new IllegalStateException("psql: " + output);
        }
    }
}
