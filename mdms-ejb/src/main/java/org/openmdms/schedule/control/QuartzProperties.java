package org.openmdms.schedule.control;

import java.util.Locale;
import java.util.Properties;

/**
 * The configuration of the MDMS's Quartz scheduler: a JDBC job store in the application's database
 * (tables qrtz_* of migration V14), clustered, so that of several nodes sharing the database exactly
 * one fires each trigger and a job of a node that died is run again by another (requestRecovery).
 * The store is JobStoreTX: Quartz commits its own work on a non-JTA datasource (docs/scheduling.md
 * says why). The same properties are used by the server and by the clustering test.
 */
public final class QuartzProperties {

    /** Name of all MDMS schedulers: nodes with the same name and database form one cluster. */
    public static final String SCHEDULER_NAME = "mdms";
    /** Name under which the job store's ConnectionProvider is registered with Quartz. */
    public static final String DATA_SOURCE = "mdms";

    private QuartzProperties() {
    }

    /**
     * @param databaseProduct the JDBC database product name (PostgreSQL, H2, Oracle)
     * @param threads         worker threads: jobs this node runs at once
     * @param checkinMillis   cluster check-in interval; a node silent for longer is taken for dead
     */
    public static Properties of(String databaseProduct, int threads, long checkinMillis) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        // AUTO: host name and start time, unique per node and per start
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.scheduler.jmx.export", "false");
        // jobs load the application's classes: the workers take the deployment's class loader
        p.setProperty("org.quartz.scheduler.threadsInheritContextClassLoaderOfInitializer", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.threadPool.threadsInheritContextClassLoaderOfInitializingThread", "true");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", delegateFor(databaseProduct));
        p.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE);
        p.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(checkinMillis));
        // Trigger acquisition under the cluster's row lock: without it two nodes can both acquire and
        // fire the same trigger (the ABA race of quartz-scheduler/quartz#107), which QuartzClusterIT
        // caught once in CI as 21 executions of a trigger that fires 20 times.
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        // a trigger more than a minute late (the node was down) follows its misfire instruction
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        return p;
    }

    static String delegateFor(String databaseProduct) {
        String product = databaseProduct.toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate";
        }
        if (product.contains("oracle")) {
            return "org.quartz.impl.jdbcjobstore.oracle.OracleDelegate";
        }
        if (product.contains("h2")) {
            return "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
        }
        throw new IllegalStateException("No Quartz job store for database '" + databaseProduct
                + "': the MDMS runs on PostgreSQL, Oracle and H2");
    }
}
