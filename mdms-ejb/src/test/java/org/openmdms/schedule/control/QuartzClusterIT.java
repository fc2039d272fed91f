package org.openmdms.schedule.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmdms.schema.SchemaMigration;
import org.postgresql.ds.PGSimpleDataSource;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Quartz as the MDMS configures it ({@link QuartzProperties}: JDBC job store, clustered, instance id
 * AUTO) on a fresh PostgreSQL database built by the real migrations (V14 holds Quartz's tables).
 * Nodes are separate JVMs ({@link ClusterNode}), as servers would be: a trigger set to fire N times
 * runs N times in total on two nodes, not 2N; and a job left in progress by a node that is killed
 * is run again (recovered) by the surviving node. The test's own scheduler only schedules and is
 * never started, so it runs nothing itself.
 */
class QuartzClusterIT {

    private static final String DATABASE = "mdms_test_quartz";
    /** Short check-ins so a dead node is noticed in seconds (the server's default is 15 s). */
    private static final long CHECKIN_MILLIS = 1000;

    private static String serverUrl;
    private static String url;
    private static String user;
    private static Scheduler scheduler;
    private final List<Process> nodes = new ArrayList<>();

    @BeforeAll
    static void freshDatabase() throws Exception {
        String testUrl = System.getProperty("mdms.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/mdms_test");
        user = System.getProperty("mdms.test.pg.user", "postgres");
        serverUrl = testUrl.substring(0, testUrl.lastIndexOf('/') + 1) + "postgres";
        url = testUrl.substring(0, testUrl.lastIndexOf('/') + 1) + DATABASE;
        try (Connection c = DriverManager.getConnection(serverUrl, user, "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user);
        SchemaMigration.migrate(dataSource);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE cluster_fired (id SERIAL PRIMARY KEY, job VARCHAR(200) NOT NULL,"
                    + " instance_id VARCHAR(200) NOT NULL, fire_time BIGINT NOT NULL, recovering BOOLEAN NOT NULL,"
                    + " at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())");
        }
        DataSourceConnectionProvider.register(dataSource);
        scheduler = new StdSchedulerFactory(QuartzProperties.of("PostgreSQL", 1, CHECKIN_MILLIS)).getScheduler();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (scheduler != null) {
            scheduler.shutdown();
        }
        try (Connection c = DriverManager.getConnection(serverUrl, user, "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @AfterEach
    void stopNodes() throws IOException, InterruptedException {
        for (Process node : nodes) {
            node.getOutputStream().close();
        }
        for (Process node : nodes) {
            if (!node.waitFor(30, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
    }

    @Test
    void aTriggerThatFiresNTimesRunsNTimesOnTwoNodesNotTwiceAsOften() throws Exception {
        String a = startNode("a");
        String b = startNode("b");
        assertTrue(!a.equals(b), "distinct instance ids " + a + ", " + b);
        await(Duration.ofSeconds(10), () -> count("SELECT count(*) FROM qrtz_scheduler_state WHERE instance_name IN ('"
                + a + "', '" + b + "')") == 2); // both nodes are members of the cluster
        int times = 20;
        JobKey job = JobKey.jobKey("count-" + times, "test");
        scheduler.scheduleJob(JobBuilder.newJob(CountingJob.class).withIdentity(job).build(),
                TriggerBuilder.newTrigger().withIdentity(TriggerKey.triggerKey(job.getName(), "test"))
                        .startAt(Date.from(Instant.now().plusSeconds(2)))
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(250)
                                .withRepeatCount(times - 1))
                        .build());

        await(Duration.ofSeconds(60), () -> count("SELECT count(*) FROM cluster_fired WHERE job = '" + job.getName()
                + "'") >= times && noTrigger(job));
        Thread.sleep(3 * CHECKIN_MILLIS); // a double execution, if any, would come now

        assertEquals(times, count("SELECT count(*) FROM cluster_fired WHERE job = '" + job.getName() + "'"),
                "executions in total; by node: " + byNode(job.getName()));
        assertEquals(times, count("SELECT count(DISTINCT fire_time) FROM cluster_fired WHERE job = '"
                + job.getName() + "'"), "one execution per fire time");
        System.out.println("QuartzClusterIT: " + times + " firings ran on " + byNode(job.getName()));
    }

    @Test
    void aJobInProgressOnANodeThatDiesIsRecoveredByTheOtherNode() throws Exception {
        Process doomed = null;
        String c = startNode("c");
        doomed = nodes.get(nodes.size() - 1);
        JobKey job = JobKey.jobKey("slow", "test");
        scheduler.scheduleJob(JobBuilder.newJob(CountingJob.class).withIdentity(job).requestRecovery()
                        .usingJobData("sleepMillis", "300000").build(),
                TriggerBuilder.newTrigger().withIdentity(TriggerKey.triggerKey("slow", "test"))
                        .startAt(Date.from(Instant.now().plusSeconds(1))).build());
        await(Duration.ofSeconds(30), () -> count("SELECT count(*) FROM cluster_fired WHERE job = 'slow'") == 1);
        assertEquals(Map.of(c, 1L), byNode("slow"), "node c runs it (it is the only node)");

        String d = startNode("d");
        doomed.destroyForcibly().waitFor(); // c dies in the middle of the job, never checking in again

        await(Duration.ofSeconds(90), () -> count("SELECT count(*) FROM cluster_fired WHERE job = 'slow'"
                + " AND recovering") == 1);
        assertEquals(1, count("SELECT count(*) FROM cluster_fired WHERE job = 'slow' AND recovering AND instance_id = '"
                + d + "'"), "recovered by d: " + byNode("slow"));
        assertEquals(2, count("SELECT count(*) FROM cluster_fired WHERE job = 'slow'"));
        await(Duration.ofSeconds(30), () -> count("SELECT count(*) FROM qrtz_fired_triggers WHERE instance_name = '"
                + c + "'") == 0 && count("SELECT count(*) FROM qrtz_scheduler_state WHERE instance_name = '" + c + "'") == 0);
    }

    /** Starts a node JVM and returns its instance id once its scheduler runs. */
    private String startNode(String label) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        File log = Path.of("target", "quartz-node-" + label + ".log").toFile();
        Process node = new ProcessBuilder(java, "-Xmx128m", "-cp", classPath, ClusterNode.class.getName(), url, user,
                Long.toString(CHECKIN_MILLIS)).redirectError(log).start();
        nodes.add(node);
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("READY ")) {
                        ready.complete(line.substring(6).strip());
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("node " + label + " ended; see " + log));
        });
        reader.setDaemon(true);
        reader.start();
        try {
            return ready.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("node " + label + " did not start; see " + log, e);
        }
    }

    private boolean noTrigger(JobKey job) {
        try {
            return scheduler.getTrigger(TriggerKey.triggerKey(job.getName(), job.getGroup())) == null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> byNode(String job) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url, user, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT instance_id, count(*) FROM cluster_fired WHERE job = '" + job
                        + "' GROUP BY instance_id ORDER BY instance_id")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    private static long count(String sql) {
        try (Connection c = DriverManager.getConnection(url, user, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("not within " + timeout);
            }
            Thread.sleep(200);
        }
    }
}
