package org.openmdms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * VEE over real smart-meter data: six Low Carbon London households, March and April 2013 (the
 * spring-forward day, Good Friday and Easter Monday included), with their real gaps and zero runs
 * (src/test/resources/lcl-vee, see its README). Each meter is installed at its first read, its file
 * imported, and the VEE worker judges the imported days. The test then counts the gaps itself from the
 * raw files, with an algorithm of its own, and compares:
 * <ul>
 * <li>one missing-intervals exception per run of consecutive absent half-hours between the meter's
 * first and last read — the same first and last interval, runs across midnight being one;</li>
 * <li>the estimates: every gap of at most 2 h (4 half-hours) filled by linear interpolation; a longer
 * gap filled by like-day exactly when every London day it touches has a complete like day (same day
 * type, bank holidays as Sundays) in the 3 weeks before it within the file; nothing else estimated;</li>
 * <li>each exception of a filled gap RESOLVED with "estimated by &lt;method&gt;", the others OPEN;</li>
 * <li>every London day of the span complete afterwards (46 half-hours on 31 March), its estimated count
 * the day's absent half-hours.</li>
 * </ul>
 * Each meter's 61 days are one VEE run (at most 93 days) and one import chunk, so no gap is cut.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LclVeeIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final List<String> METERS = List.of("MAC000026", "MAC000031", "MAC000037", "MAC000046",
            "MAC000047", "MAC000051");
    /** The bank holidays of England and Wales in the files' months (the server's default calendar). */
    private static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2013, 3, 29), LocalDate.of(2013, 4, 1));
    private static final Duration HALF_HOUR = Duration.ofMinutes(30);
    private static final int INTERPOLATED_MAX = 4;
    private static final int LIKE_DAY_WEEKS = 3;

    private final Api admin = Api.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    /** A run of consecutive absent half-hours, by the starts of its first and last half-hour (UTC). */
    record Gap(Instant firstStart, Instant lastStart) {

        int length() {
            return (int) (Duration.between(firstStart, lastStart).dividedBy(HALF_HOUR) + 1);
        }

        Instant firstEnd() {
            return firstStart.plus(HALF_HOUR);
        }

        Instant lastEnd() {
            return lastStart.plus(HALF_HOUR);
        }
    }

    /** What the test knows of a meter from its raw file alone. */
    record Raw(String meter, TreeSet<Instant> starts, List<Gap> gaps) {

        Instant first() {
            return starts.first();
        }

        Instant last() {
            return starts.last();
        }

        Set<Instant> absent() {
            Set<Instant> absent = new TreeSet<>();
            for (Gap gap : gaps) {
                for (Instant t = gap.firstStart(); !t.isAfter(gap.lastStart()); t = t.plus(HALF_HOUR)) {
                    absent.add(t);
                }
            }
            return absent;
        }
    }

    static String file(String meter) {
        try (InputStream in = LclVeeIT.class.getResourceAsStream("/lcl-vee/" + meter + ".csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sorts the file's half-hour starts (GMT labels; "Null" values count as absent) and walks first to last. */
    static Raw raw(String meter, String file) {
        TreeSet<Instant> starts = new TreeSet<>();
        file.lines().skip(1).filter(l -> !l.isBlank()).forEach(line -> {
            String[] f = line.split(",");
            if (!f[2].trim().equalsIgnoreCase("Null")) {
                starts.add(LocalDateTime.parse(f[1].trim().replace(' ', 'T')).toInstant(ZoneOffset.UTC));
            }
        });
        List<Gap> gaps = new ArrayList<>();
        Instant runStart = null;
        for (Instant t = starts.first(); !t.isAfter(starts.last()); t = t.plus(HALF_HOUR)) {
            if (!starts.contains(t)) {
                runStart = runStart == null ? t : runStart;
            } else if (runStart != null) {
                gaps.add(new Gap(runStart, t.minus(HALF_HOUR)));
                runStart = null;
            }
        }
        return new Raw(meter, starts, gaps);
    }

    static LocalDate londonDay(Instant start) {
        return start.atZone(LONDON).toLocalDate();
    }

    static int expectedHalfHours(LocalDate day) {
        return (int) Duration.between(day.atStartOfDay(LONDON), day.plusDays(1).atStartOfDay(LONDON))
                .dividedBy(HALF_HOUR);
    }

    static String dayType(LocalDate day) {
        if (HOLIDAYS.contains(day) || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return "SUNDAY";
        }
        return day.getDayOfWeek() == DayOfWeek.SATURDAY ? "SATURDAY" : "WEEKDAY";
    }

    /** Whether like-day may fill the gap: each London day it touches has a complete like day in the weeks before. */
    static boolean likeDaysFor(Raw raw, Gap gap) {
        Map<LocalDate, Integer> present = new HashMap<>();
        raw.starts().forEach(t -> present.merge(londonDay(t), 1, Integer::sum));
        LocalDate firstDay = londonDay(raw.first());
        for (LocalDate day = londonDay(gap.firstStart()); !day.isAfter(londonDay(gap.lastStart())); day = day.plusDays(1)) {
            boolean found = false;
            for (int back = 1; back <= 7 * LIKE_DAY_WEEKS && !found; back++) {
                LocalDate candidate = day.minusDays(back);
                // the spring-forward day lacks 01:00-02:00; none of the file's long gaps is on a Sunday, so leave it out
                found = !candidate.isBefore(firstDay) && dayType(candidate).equals(dayType(day))
                        && expectedHalfHours(candidate) == 48
                        && present.getOrDefault(candidate, 0) == expectedHalfHours(candidate);
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    static boolean estimable(Raw raw, Gap gap) {
        return gap.length() <= INTERPOLATED_MAX || likeDaysFor(raw, gap);
    }

    @Test
    void theMissingIntervalsAndEstimatesOfRealHouseholdsMatchTheirFiles() {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        Map<String, Raw> raws = new LinkedHashMap<>();
        Map<String, String> usagePoints = new LinkedHashMap<>();
        StringBuilder registry = new StringBuilder(
                "usage_point_id,commodity,customer_class,time_zone,feeder,meter_serial,installed_from,channels\n");
        for (String meter : METERS) {
            String file = file(meter);
            Raw raw = raw(meter, file);
            raws.put(meter, raw);
            usagePoints.put(meter, "UP-LCLVEE-" + run + "-" + meter);
            registry.append(usagePoints.get(meter)).append(",ELECTRIC,RESIDENTIAL,Europe/London,LCL-F01,")
                    .append(serial(run, meter)).append(',').append(raw.first()).append(",KWH:30:DELIVERED\n");
        }
        JsonObject registered = admin.postCsv("registry/import?source=lcl-vee-it", registry.toString()).json();
        assertEquals(METERS.size(), registered.getInt("created"), registered.toString());

        // the independent count of the real gaps, as the README of the files lists them
        assertEquals(Map.of("MAC000026", List.of(1, 9, 1), "MAC000031", List.of(1, 10), "MAC000037", List.of(),
                "MAC000046", List.of(3), "MAC000047", List.of(3, 5, 1, 3), "MAC000051", List.of(48)),
                raws.values().stream().collect(Collectors.toMap(Raw::meter,
                        r -> r.gaps().stream().map(Gap::length).toList())));

        for (String meter : METERS) {
            // the meter id is made unique per run so that the test may run again on the same database
            String body = file(meter).replace(meter + ",", serial(run, meter) + ",");
            JsonObject imported = admin.postCsv("readings/import?format=lcl&source=" + meter + ".csv", body).json();
            assertEquals(raws.get(meter).starts().size(), imported.getInt("stored"), imported.toString());
            assertEquals(0, imported.getInt("rejected"), imported.toString());
        }
        awaitJudged(usagePoints.values());

        int exceptionsExpected = 0;
        int exceptionsFound = 0;
        int estimatesExpected = 0;
        int estimatesFound = 0;
        for (String meter : METERS) {
            Raw raw = raws.get(meter);
            String up = usagePoints.get(meter);
            long channel = admin.get("usage-points/" + up).json().getJsonArray("channels").getJsonObject(0)
                    .getJsonNumber("id").longValue();

            // (a) one exception per gap, with the gap's first and last interval
            JsonObject page = admin.get("vee/exceptions?usagePoint=" + up + "&rule=missing-intervals&limit=500").json();
            Map<Instant, JsonObject> byFirstEnd = new TreeMap<>();
            page.getJsonArray("items").forEach(v -> byFirstEnd.put(Instant.parse(v.asJsonObject().getString("firstEnd")),
                    v.asJsonObject()));
            assertEquals(raw.gaps().size(), page.getInt("total"), meter + ": " + page);
            assertEquals(raw.gaps().size(), byFirstEnd.size(), meter + ": " + page);
            exceptionsExpected += raw.gaps().size();
            exceptionsFound += page.getInt("total");

            // (b) the estimates: exactly the absent half-hours of the gaps the chain can fill
            Set<Instant> estimableEnds = new TreeSet<>();
            for (Gap gap : raw.gaps()) {
                JsonObject e = byFirstEnd.get(gap.firstEnd());
                assertTrue(e != null, meter + ": no exception for the gap " + gap + " in " + page);
                assertEquals(gap.lastEnd(), Instant.parse(e.getString("lastEnd")), meter + " " + gap);
                assertEquals(gap.length(), e.getJsonNumber("foundValue").intValue(), meter + " " + gap);
                assertEquals(londonDay(gap.firstStart()).toString(), e.getString("localDay"), meter + " " + gap);
                if (estimable(raw, gap)) {
                    for (Instant t = gap.firstStart(); !t.isAfter(gap.lastStart()); t = t.plus(HALF_HOUR)) {
                        estimableEnds.add(t.plus(HALF_HOUR));
                    }
                    // (c) a filled gap's exception is answered by the estimate
                    assertEquals("RESOLVED", e.getString("status"), meter + " " + gap);
                    assertEquals("estimated by " + (gap.length() <= INTERPOLATED_MAX ? "linear-interpolation" : "like-day"),
                            e.getString("note"), meter + " " + gap);
                } else {
                    assertEquals("OPEN", e.getString("status"), meter + " " + gap);
                }
            }
            JsonArray reads = admin.get("usage-points/" + up + "/channels/" + channel + "/reads?from="
                    + raw.first().plus(HALF_HOUR) + "&to=" + raw.last().plus(HALF_HOUR).plusSeconds(1)).json()
                    .getJsonArray("reads");
            Set<Instant> estimated = reads.stream().map(JsonObject.class::cast)
                    .filter(r -> r.getString("source").equals("ESTIMATED"))
                    .map(r -> Instant.parse(r.getString("intervalEnd"))).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(estimableEnds, estimated, meter);
            assertEquals(raw.starts().size(), reads.stream().map(JsonObject.class::cast)
                    .filter(r -> r.getString("source").equals("ACTUAL")).count(), meter);
            estimatesExpected += estimableEnds.size();
            estimatesFound += estimated.size();

            // London days: each complete after estimation (46 on 2013-03-31), its estimates its absent half-hours
            Map<LocalDate, Integer> absentByDay = new TreeMap<>();
            raw.absent().forEach(t -> absentByDay.merge(londonDay(t), 1, Integer::sum));
            LocalDate firstDay = londonDay(raw.first());
            LocalDate lastDay = londonDay(raw.last());
            JsonArray daily = admin.get("usage-points/" + up + "/channels/" + channel + "/daily?from=" + firstDay
                    + "&to=" + lastDay.plusDays(1)).parse().asJsonArray();
            assertEquals(firstDay.datesUntil(lastDay.plusDays(1)).count(), daily.size(), meter);
            boolean allEstimable = raw.gaps().stream().allMatch(g -> estimable(raw, g));
            for (JsonObject day : daily.getValuesAs(JsonObject.class)) {
                LocalDate date = LocalDate.parse(day.getString("day"));
                if (allEstimable) {
                    assertEquals(expectedHalfHours(date), day.getInt("readCount"), meter + " " + date);
                }
                assertEquals((int) absentByDay.getOrDefault(date, 0), day.getInt("estimatedCount"), meter + " " + date);
            }
        }
        assertEquals(11, exceptionsExpected, "the real gaps of the six households");
        assertEquals(exceptionsExpected, exceptionsFound);
        assertEquals(85, estimatesExpected, "every absent half-hour of these files can be estimated");
        assertEquals(estimatesExpected, estimatesFound);
    }

    private static String serial(String run, String meter) {
        return "LV" + run + meter.substring(3);
    }

    /**
     * Waits until the worker has judged every usage point: each meter's 61 days are one run in one
     * transaction, which raises at least one exception for each of these households (a gap, or for
     * MAC000037 its days of zeros), so one exception means all of them and all its estimates.
     */
    private void awaitJudged(java.util.Collection<String> usagePoints) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        List<String> waiting = new ArrayList<>(usagePoints);
        while (!waiting.isEmpty()) {
            waiting.removeIf(up -> admin.get("vee/exceptions?usagePoint=" + up + "&limit=1").json().getInt("total") > 0);
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the VEE worker did not judge " + waiting + " within 90 s");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
