package org.openmdms.config;

import java.util.Optional;

/**
 * The MDMS's tunables, with their defaults, in one place. Each is read from a system property
 * (set with the WildFly CLI or -D) or else from an environment variable.
 */
public final class Settings {

    private Settings() {
    }

    /** Load the demo registry and users into an empty database at startup. */
    public static boolean demo() {
        return Boolean.parseBoolean(value("mdms.demo", "MDMS_DEMO").orElse("false"));
    }

    /** With the demo, also load the households' 2013 reads (about 1.7 million; a few minutes on H2). */
    public static boolean demoReads() {
        return Boolean.parseBoolean(value("mdms.demo.reads", "MDMS_DEMO_READS").orElse("true"));
    }

    /** Number of synthetic usage points the demo adds to the 100 Low Carbon London households. */
    public static int demoFleetSize() {
        return Integer.parseInt(value("mdms.demo.fleet", "MDMS_DEMO_FLEET").orElse("3000"));
    }

    /** Whether the channel days an import touches are queued for VEE (judged by the VEE worker). */
    public static boolean veeOnImport() {
        return Boolean.parseBoolean(value("mdms.vee.on-import", "MDMS_VEE_ON_IMPORT").orElse("true"));
    }

    /**
     * Imported reads kept in memory for VEE to judge without loading them back (about 22 bytes each;
     * 0 turns it off). The default, 2 000 000, is ~44 MB: a daily file of 20 000 quarter-hour meters.
     */
    public static long veeReadsAtHand() {
        return Long.parseLong(value("mdms.vee.reads-at-hand", "MDMS_VEE_READS_AT_HAND").orElse("2000000"));
    }

    /** Hours after a local day ends until VEE judges it even if incomplete (later reads may still fill it). */
    public static int veeDeadlineHours() {
        return Integer.parseInt(value("mdms.vee.deadline.hours", "MDMS_VEE_DEADLINE_HOURS").orElse("6"));
    }

    /**
     * Seconds a complete channel day waits for the imports running when it was queued to end before
     * VEE judges it anyway (VEE yields the cores to ingest, but never for ever).
     */
    public static int veeImportYieldSeconds() {
        return Integer.parseInt(value("mdms.vee.import-yield.seconds", "MDMS_VEE_IMPORT_YIELD_SECONDS").orElse("60"));
    }

    /** The public holidays VEE's like days (and later TOU) use: england-and-wales or none. */
    public static String holidayCalendar() {
        return value("mdms.holidays", "MDMS_HOLIDAYS").orElse("england-and-wales");
    }

    /** Chunks of one import written side by side where the database allows it (PostgreSQL). */
    public static int ingestWriters() {
        return Math.max(1, Integer.parseInt(value("mdms.ingest.writers", "MDMS_INGEST_WRITERS").orElse("2")));
    }

    /**
     * Whether a billing run has PostgreSQL sum each batch's reads per channel, TOU period and demand
     * window (one grouped query per batch) instead of streaming every read to Java; ignored (Java)
     * on H2 and Oracle, and calculations on demand always use Java. Default true.
     */
    public static boolean billingInDatabase() {
        return Boolean.parseBoolean(value("mdms.billing.in-database", "MDMS_BILLING_IN_DATABASE").orElse("true"));
    }

    /** With the demo reads, London days of synthetic reads for the fleet from 27 October 2013 (the autumn DST day). */
    public static int demoFleetDays() {
        return Integer.parseInt(value("mdms.demo.fleet.days", "MDMS_DEMO_FLEET_DAYS").orElse("2"));
    }

    /**
     * Password of the first administrator, created as user "admin" when the user table is empty.
     * Production installs set it once for the first start and then remove it.
     */
    public static Optional<String> bootstrapAdminPassword() {
        return value("mdms.bootstrap.admin.password", "MDMS_BOOTSTRAP_ADMIN_PASSWORD");
    }

    /** Rows written per transaction by the registry import (a failing chunk is redone row by row). */
    public static int registryImportChunk() {
        return Integer.parseInt(value("mdms.registry.import.chunk", "MDMS_REGISTRY_IMPORT_CHUNK").orElse("500"));
    }

    /** Time zone of the local times in CMEP files (a per-sender setting in CMEP; one for all senders here). */
    public static java.time.ZoneId cmepZone() {
        return java.time.ZoneId.of(value("mdms.cmep.zone", "MDMS_CMEP_ZONE").orElse("UTC"));
    }

    /** Where the monthly Excel reports are written (docs/reports.md). */
    public static java.nio.file.Path reportsExportDir() {
        return java.nio.file.Path.of(value("mdms.export.reports.dir", "MDMS_EXPORT_REPORTS_DIR").orElseGet(
                () -> System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"))
                        + "/mdms/exports/reports"));
    }

    /** Where the nightly legacy billing files are written (docs/billing-file.md). */
    public static java.nio.file.Path billingExportDir() {
        return java.nio.file.Path.of(value("mdms.export.billing.dir", "MDMS_EXPORT_BILLING_DIR").orElseGet(
                () -> System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"))
                        + "/mdms/exports/billing"));
    }

    /** Where the daily CMEP file of every usage point's interval reads is written (docs/exports.md). */
    public static java.nio.file.Path cmepExportDir() {
        return java.nio.file.Path.of(value("mdms.export.cmep.dir", "MDMS_EXPORT_CMEP_DIR").orElseGet(
                () -> System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"))
                        + "/mdms/exports/cmep"));
    }

    /**
     * Root of the reading inbox (inbox/&lt;format&gt;, processing, archive, error); by default the
     * server's data folder, mdms/inbox.
     */
    public static java.nio.file.Path inboxDir() {
        return java.nio.file.Path.of(value("mdms.inbox.dir", "MDMS_INBOX_DIR").orElseGet(
                () -> System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")) + "/mdms/inbox"));
    }

    /**
     * Whole months of interval detail kept before retention removes them (daily totals are always
     * kept); 0 or unset keeps everything forever, the default.
     */
    public static int retentionMonths() {
        int months = Integer.parseInt(value("mdms.retention.months", "MDMS_RETENTION_MONTHS").orElse("0"));
        if (months < 0) {
            throw new IllegalArgumentException("mdms.retention.months must be 0 (keep forever) or more, not " + months);
        }
        return months;
    }

    /** What retention does with a month past the retention period: drop (the default) or detach. */
    public static org.openmdms.reading.store.RetentionMode retentionMode() {
        return org.openmdms.reading.store.RetentionMode.of(value("mdms.retention.mode", "MDMS_RETENTION_MODE")
                .orElse("drop"));
    }

    /** Worker threads of the job scheduler on each node: how many scheduled jobs one node runs at once. */
    public static int schedulerThreads() {
        return Math.max(1, Integer.parseInt(value("mdms.scheduler.threads", "MDMS_SCHEDULER_THREADS").orElse("3")));
    }

    /** Times a failed run of a scheduled job is tried again (0: never). */
    public static int schedulerRetries() {
        int retries = Integer.parseInt(value("mdms.scheduler.retries", "MDMS_SCHEDULER_RETRIES").orElse("2"));
        if (retries < 0) {
            throw new IllegalArgumentException("mdms.scheduler.retries must be 0 or more, not " + retries);
        }
        return retries;
    }

    /** Seconds between a failed run of a scheduled job and its retry. */
    public static int schedulerRetryDelaySeconds() {
        return Math.max(1, Integer.parseInt(value("mdms.scheduler.retry.delay.seconds",
                "MDMS_SCHEDULER_RETRY_DELAY_SECONDS").orElse("300")));
    }

    /**
     * Days of scheduled jobs' run history (job_run) kept; older runs are deleted nightly by the job
     * job-history-cleanup. 0 keeps them forever.
     */
    public static int schedulerHistoryDays() {
        int days = Integer.parseInt(value("mdms.scheduler.history.days", "MDMS_SCHEDULER_HISTORY_DAYS").orElse("90"));
        if (days < 0) {
            throw new IllegalArgumentException("mdms.scheduler.history.days must be 0 (keep forever) or more, not " + days);
        }
        return days;
    }

    /**
     * Milliseconds between a node's check-ins in the scheduler's cluster table; a node that misses
     * them is taken for dead and its interrupted jobs run again elsewhere.
     */
    public static long schedulerCheckinMillis() {
        return Math.max(1000, Long.parseLong(value("mdms.scheduler.checkin.millis", "MDMS_SCHEDULER_CHECKIN_MILLIS")
                .orElse("15000")));
    }

    /**
     * Seconds without a heartbeat after which a cluster node is taken for dead and another node takes
     * over its unfinished imports and claimed inbox files (docs/operations.md, "Cluster"). Nodes beat
     * every 5 seconds; keep it well above a long garbage collection pause.
     */
    public static int clusterNodeTimeoutSeconds() {
        return Math.max(10, Integer.parseInt(value("mdms.cluster.node.timeout.seconds",
                "MDMS_CLUSTER_NODE_TIMEOUT_SECONDS").orElse("30")));
    }

    private static Optional<String> value(String property, String environment) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
