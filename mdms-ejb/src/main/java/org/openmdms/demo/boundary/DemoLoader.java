package org.openmdms.demo.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;
import org.openmdms.admin.boundary.UserData;
import org.openmdms.admin.boundary.UserDirectory;
import org.openmdms.admin.entity.Role;
import org.openmdms.admin.store.UserStore;
import org.openmdms.config.Settings;
import org.openmdms.demo.control.DemoEvents;
import org.openmdms.demo.control.DemoFleet;
import org.openmdms.demo.control.DemoFleetReads;
import org.openmdms.demo.control.DemoOutages;
import org.openmdms.meter.boundary.MeterData;
import org.openmdms.meter.boundary.MeterRegistry;
import org.openmdms.meter.boundary.RegistryImport;
import org.openmdms.meter.control.ImportResult;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.store.UsagePointStore;
import org.openmdms.reading.boundary.ReadingImportView;
import org.openmdms.reading.boundary.ReadingImporter;
import org.openmdms.reading.store.PendingDayStore;
import org.openmdms.billing.boundary.BillingRuns;
import org.openmdms.billing.boundary.Tariffs;
import org.openmdms.billing.control.TariffCalendarCsv;
import org.openmdms.billing.entity.DayPeriodRow;
import org.openmdms.billing.entity.Tariff;

/**
 * With {@code mdms.demo=true}, fills an empty database with the demo: users for each role, the
 * 100 Low Carbon London households and a synthetic fleet, loaded through the same registry import
 * an administrator uses, then a few meter exchanges and spare meters, a handful of the households'
 * 2013 meter events (through the head-end batch import) and their reads. Runs as a timer just after
 * start-up, with the administrator role, so the server is up while it loads.
 */
@Singleton
@Startup
@RunAs(Role.ADMIN)
public class DemoLoader {

    private static final Logger LOG = Logger.getLogger(DemoLoader.class.getName());
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Resource
    TimerService timers;

    @Inject
    UserStore users;

    @Inject
    UsagePointStore usagePoints;

    @Inject
    UserDirectory directory;

    @Inject
    RegistryImport registryImport;

    @Inject
    MeterRegistry registry;

    @Inject
    ReadingImporter readingImporter;

    @Inject
    Tariffs tariffs;

    @Inject
    BillingRuns billingRuns;

    @Inject
    PendingDayStore pendingDays;

    static final String DTOU = "LCL-DTOU-2013";
    private static final String BILLING_TIMER = "mdms-demo-billing";
    private volatile long billingDeadline;
    static final String STANDARD = "LCL-STANDARD";
    static final String CYCLE = "MONTHLY-1ST";

    @PostConstruct
    void scheduleIfDemo() {
        if (Settings.demo()) {
            timers.createSingleActionTimer(500, new TimerConfig("mdms-demo-loader", false));
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void timeout(jakarta.ejb.Timer timer) {
        if (BILLING_TIMER.equals(timer.getInfo())) {
            billingWhenJudged(timer);
        } else {
            load();
        }
    }

    private void load() {
        if (users.count() == 0) {
            createUser("admin", "Ada Admin", Role.ADMIN);
            createUser("analyst", "Alan Analyst", Role.ANALYST);
            createUser("auditor", "Audrey Auditor", Role.AUDITOR);
        }
        if (usagePoints.count() > 0) {
            LOG.info("Demo: the registry is not empty, nothing loaded");
            return;
        }
        ImportResult households = registryImport.importCsv("demo/lcl-registry.csv", resource("demo/lcl-registry.csv"));
        ImportResult fleet = registryImport.importCsv("demo fleet", new ByteArrayInputStream(
                DemoFleet.registryCsv(Settings.demoFleetSize()).getBytes(StandardCharsets.UTF_8)));
        int exchanges = meterExchanges(Settings.demoFleetSize());
        spareMeters();
        LOG.info(() -> "Demo registry loaded: " + households.created() + " Low Carbon London households, "
                + fleet.created() + " synthetic usage points, " + exchanges + " meter exchanges. Sign in as"
                + " admin/admin-demo, analyst/analyst-demo or auditor/auditor-demo");
        // Each part on its own: one that fails leaves the others loaded (the registry is not loaded twice).
        demoPart("events", this::loadHouseholdEvents);
        demoPart("outages", this::loadTodaysOutages);
        demoPart("tariffs", this::loadTariffs);
        if (Settings.demoReads()) {
            demoPart("household reads", this::loadHouseholdReads);
            demoPart("fleet reads", this::loadFleetReads);
            // The billing runs wait for VEE to judge the reads: a timer looks every 10 s (a loop here
            // would hold this timer thread, and with it a shutdown, for minutes).
            billingDeadline = System.nanoTime() + java.time.Duration.ofMinutes(15).toNanos();
            timers.createIntervalTimer(10_000, 10_000, new TimerConfig(BILLING_TIMER, false));
        }
    }

    /**
     * The households' two real tariffs: the 2013 dynamic time-of-use calendar (High / Normal / Low per
     * half-hour, as announced; prices 67.20 / 11.76 / 3.99 p/kWh) for the 18 households on it, the flat
     * standard tariff (14.228 p/kWh) for the others; a monthly billing cycle for 2013.
     */
    private void loadTariffs() {
        tariffs.save(DTOU, new Tariffs.TariffTerms("LCL dynamic time-of-use 2013", Tariff.Kind.CALENDAR, null, false,
                null, 30, "p/kWh", Map.of("High", new BigDecimal("67.20"), "Normal", new BigDecimal("11.76"), "Low",
                        new BigDecimal("3.99")), List.of()));
        try (java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(resource("demo/dtou-tariff-2013.csv.gz")), StandardCharsets.UTF_8))) {
            tariffs.publish(DTOU, TariffCalendarCsv.parse(reader, ZoneId.of("UTC")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        tariffs.save(STANDARD, new Tariffs.TariffTerms("LCL standard flat rate", Tariff.Kind.SEASONAL,
                "england-and-wales", true, null, null, "p/kWh", Map.of("Standard", new BigDecimal("14.228")),
                List.of(new Tariff.SeasonRow("all year", "01-01", "01-01", List.of(
                        new DayPeriodRow("WEEKDAY", "00:00", "24:00", "Standard"),
                        new DayPeriodRow("SATURDAY", "00:00", "24:00", "Standard"),
                        new DayPeriodRow("SUNDAY", "00:00", "24:00", "Standard"))))));
        List<LocalDate> readDates = new java.util.ArrayList<>();
        for (int month = 1; month <= 13; month++) {
            readDates.add(LocalDate.of(2013, 1, 1).plusMonths(month - 1));
        }
        tariffs.saveCycle(CYCLE, "Monthly, first of the month (LCL households 2013)", readDates);
        List<String> dynamic = new java.util.ArrayList<>();
        List<String> standard = new java.util.ArrayList<>();
        try (java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(
                resource("demo/lcl-households.csv"), StandardCharsets.UTF_8))) {
            reader.lines().skip(1).filter(l -> !l.isBlank()).forEach(line -> {
                String[] f = line.split(",");
                (f[1].equals("ToU") ? dynamic : standard).add("LCL-" + f[0]);
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        tariffs.assign(dynamic, DTOU, CYCLE);
        tariffs.assign(standard, STANDARD, CYCLE);
        LOG.info(() -> "Demo tariffs loaded: " + dynamic.size() + " households on " + DTOU + ", " + standard.size()
                + " on " + STANDARD + ", billing cycle " + CYCLE);
    }

    /**
     * Once VEE has judged the reads (its backlog empty, or 15 minutes passed), the cycle's twelve 2013
     * periods are run and the timer ends.
     */
    private void billingWhenJudged(jakarta.ejb.Timer timer) {
        if (pendingDays.count() > 0 && System.nanoTime() < billingDeadline) {
            return;
        }
        timer.cancel();
        demoPart("billing runs", () -> {
            for (int month = 1; month <= 12; month++) {
                billingRuns.start(CYCLE, LocalDate.of(2013, month, 1));
            }
            LOG.info(() -> "Demo billing runs started: " + CYCLE + ", January to December 2013");
        });
    }

    private static void demoPart(String what, Runnable part) {
        try {
            part.run();
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.SEVERE, "Demo " + what + " not loaded", e);
        }
    }

    /** A handful of 2013 meter events of the households (outages, a tamper, clock changes), as a head-end batch. */
    private void loadHouseholdEvents() {
        List<String> meters;
        try (BufferedReader registry = new BufferedReader(new InputStreamReader(resource("demo/lcl-registry.csv"),
                StandardCharsets.UTF_8))) {
            // The households' usage points are LCL-<LCLid>, and each meter's serial is its LCLid.
            meters = registry.lines().skip(1).filter(line -> line.startsWith("LCL-"))
                    .map(line -> line.substring(4, line.indexOf(','))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ReadingImportView result = readingImporter.importBatch("demo-events-2013", DemoEvents.batch(meters))
                .readingImport();
        LOG.info(() -> "Demo events loaded: " + result.stored() + " meter events stored, " + result.rejected()
                + " rejected");
    }

    /** Today's outages on the fleet (a feeder storm, a transformer, a restored one, momentaries), as a head-end batch. */
    private void loadTodaysOutages() {
        ReadingImportView result = readingImporter.importBatch("demo-outages-today",
                DemoOutages.batch(DemoFleet.members(Settings.demoFleetSize()), Instant.now())).readingImport();
        LOG.info(() -> "Demo outages: " + result.stored() + " power events of today stored, " + result.rejected()
                + " rejected; outage detection groups them within seconds (Outages page)");
    }

    /** The 100 households' real half-hourly reads of 2013 (about 1.7 million), through the normal file import. */
    private void loadHouseholdReads() {
        try (InputStream reads = new GZIPInputStream(resource("demo/lcl-2013-reads.csv.gz"), 1 << 16)) {
            ReadingImportView result = readingImporter.importFile("demo/lcl-2013-reads.csv.gz", "lcl", reads);
            LOG.info(() -> "Demo reads loaded: " + result.stored() + " Low Carbon London half-hours stored, "
                    + result.rejected() + " rejected");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A few days of synthetic reads for the fleet (CMEP, through the normal file import), with a few anomalies. */
    private void loadFleetReads() {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("mdms-demo-fleet", ".cmep");
            try {
                try (var out = java.nio.file.Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    new DemoFleetReads(DemoFleet.members(Settings.demoFleetSize())).write(out,
                            DemoFleetReads.FIRST_DAY, Settings.demoFleetDays());
                }
                try (InputStream reads = java.nio.file.Files.newInputStream(file)) {
                    ReadingImportView result = readingImporter.importFile("demo fleet reads (CMEP)", "cmep", reads);
                    LOG.info(() -> "Demo fleet reads loaded: " + result.stored() + " stored, " + result.rejected()
                            + " rejected");
                }
            } finally {
                java.nio.file.Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createUser(String username, String fullName, String role) {
        directory.create(username, username + "-demo", new UserData(fullName, username + "@demo.openmdms.org",
                Set.of(role)));
    }

    /** Every 40th synthetic electric meter was exchanged during 2013, as field crews do. */
    private int meterExchanges(int fleetSize) {
        int done = 0;
        for (int i = DemoFleet.EXCHANGE_EVERY; i <= fleetSize; i += DemoFleet.EXCHANGE_EVERY) {
            String code = "UP-" + (100_000 + i);
            var up = registry.usagePoint(code).orElse(null);
            if (up == null || up.commodity() != Commodity.ELECTRIC) {
                continue;
            }
            String serial = DemoFleet.exchangeSerial(i);
            registry.createMeter(new MeterData(serial, "Landis+Gyr", "E470", Commodity.ELECTRIC, BigDecimal.ONE,
                    "2.1", "HES-1"));
            Instant at = LocalDate.of(2013, 1 + i % 12, 1 + i % 27).atTime(10, 30).atZone(LONDON).toInstant();
            registry.exchange(code, serial, at);
            done++;
        }
        return done;
    }

    private void spareMeters() {
        for (int i = 1; i <= 25; i++) {
            registry.createMeter(new MeterData("EM" + (40_000_000 + i), "Landis+Gyr", "E470", Commodity.ELECTRIC,
                    BigDecimal.ONE, "2.1", "HES-1"));
        }
    }

    private static InputStream resource(String name) {
        InputStream in = DemoLoader.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("demo resource " + name + " is missing"));
        }
        return in;
    }
}
