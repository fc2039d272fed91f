package org.openmdms.schedule.control;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.postgresql.ds.PGSimpleDataSource;
import org.quartz.Scheduler;
import org.quartz.impl.StdSchedulerFactory;

/**
 * One node of the test cluster, in a JVM of its own (Quartz allows one scheduler of a name per
 * class loader, and a node's death is best shown by killing its process): the MDMS's Quartz
 * properties on the test database, started, running {@link CountingJob}s until its standard input
 * closes. Prints "READY instance-id" when started.
 */
public final class ClusterNode {

    static PGSimpleDataSource dataSource;

    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        dataSource.setUser(args[1]);
        DataSourceConnectionProvider.register(dataSource);
        Scheduler scheduler = new StdSchedulerFactory(QuartzProperties.of("PostgreSQL", 3,
                Long.parseLong(args[2]))).getScheduler();
        scheduler.start();
        System.out.println("READY " + scheduler.getSchedulerInstanceId());
        System.out.flush();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            while (in.readLine() != null) {
                // the test closes the stream to stop the node cleanly
            }
        }
        scheduler.shutdown(true);
        System.exit(0);
    }
}
