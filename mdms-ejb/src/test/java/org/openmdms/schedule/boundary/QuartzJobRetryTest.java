package org.openmdms.schedule.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Retries of failed runs, on an in-memory Quartz (the job store does not matter here): a failing
 * run is tried again after the delay, as attempt 2, 3, ... of the same firing, until it succeeds or
 * the retries are used up.
 */
class QuartzJobRetryTest {

    private record Call(String job, Instant fireTime, int attempt, String triggeredBy) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private Scheduler scheduler;

    @AfterEach
    void stop() throws Exception {
        scheduler.shutdown(true);
    }

    @Test
    void aFailingRunIsRetriedUntilItSucceeds() throws Exception {
        start(2, attempt -> attempt < 2);

        awaitCalls(2);
        Thread.sleep(1000);

        assertEquals(2, calls.size(), calls.toString());
        assertEquals(List.of(1, 2), calls.stream().map(Call::attempt).toList());
        assertEquals(List.of("schedule", "retry"), calls.stream().map(Call::triggeredBy).toList());
        assertEquals(calls.get(0).fireTime(), calls.get(1).fireTime(), "a retry belongs to the same firing");
    }

    @Test
    void aRunThatKeepsFailingIsTriedOncePlusTheRetries() throws Exception {
        start(2, attempt -> true);

        awaitCalls(3);
        Thread.sleep(1000);

        assertEquals(List.of(1, 2, 3), calls.stream().map(Call::attempt).toList());
    }

    @Test
    void noRetriesWhenTheyAreOff() throws Exception {
        start(0, attempt -> true);

        awaitCalls(1);
        Thread.sleep(1000);

        assertEquals(1, calls.size());
    }

    private void start(int retries, java.util.function.IntPredicate fails) throws Exception {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "retry-test-" + System.nanoTime());
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        scheduler = new StdSchedulerFactory(p).getScheduler();
        QuartzJob.Runner runner = (name, fireTime, attempt, by, node, recovering) -> {
            calls.add(new Call(name, fireTime, attempt, by));
            return new JobRunner.Result(calls.size(), fails.test(attempt) ? "boom" : null);
        };
        scheduler.setJobFactory((bundle, s) -> new QuartzJob(runner, retries, Duration.ofMillis(300)));
        scheduler.scheduleJob(JobBuilder.newJob(QuartzJob.class).withIdentity(JobScheduler.jobKey("flaky"))
                .storeDurably().build(), TriggerBuilder.newTrigger().withIdentity(JobScheduler.triggerKey("flaky")).startNow().build());
        scheduler.start();
    }

    private void awaitCalls(int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (calls.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertTrue(calls.size() >= count, "calls: " + calls);
    }
}
