package org.openmdms.schedule.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;

/**
 * The one Quartz job class of the MDMS: it hands the firing to {@link JobRunner} (which runs the
 * {@link ScheduledJob} of the same name as admin and records the run), and when the run failed
 * schedules its retry as a one-off trigger in the shared job store, so any node may run it. Never two
 * runs of one job at once, in the whole cluster.
 */
@DisallowConcurrentExecution
public class QuartzJob implements Job {

    /** Job data of a trigger: the attempt (1 = first run), the original fire time, who started it. */
    static final String ATTEMPT = "attempt";
    static final String FIRE_TIME = "fireTime";
    static final String TRIGGERED_BY = "triggeredBy";
    static final String BY_SCHEDULE = "schedule";
    static final String BY_RETRY = "retry";
    static final String BY_RECOVERY = "recovery";
    private static final Logger LOG = Logger.getLogger(QuartzJob.class.getName());

    /** What runs a firing and records it: {@link JobRunner#run} in the server. */
    interface Runner {
        JobRunner.Result run(String name, Instant fireTime, int attempt, String triggeredBy, String node,
                boolean recovering);
    }

    private final Runner runner;
    private final int retries;
    private final Duration retryDelay;

    QuartzJob(Runner runner, int retries, Duration retryDelay) {
        this.runner = runner;
        this.retries = retries;
        this.retryDelay = retryDelay;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String name = context.getJobDetail().getKey().getName();
        JobDataMap data = context.getMergedJobDataMap();
        int attempt = data.containsKey(ATTEMPT) ? Integer.parseInt(data.getString(ATTEMPT)) : 1;
        Instant fireTime = fireTime(context, data);
        String by = context.isRecovering() ? BY_RECOVERY
                : data.containsKey(TRIGGERED_BY) ? data.getString(TRIGGERED_BY) : BY_SCHEDULE;
        try {
            String node = context.getScheduler().getSchedulerInstanceId();
            JobRunner.Result result = runner.run(name, fireTime, attempt, by, node, context.isRecovering());
            context.setResult(result);
            if (result.failed() && attempt <= retries) {
                retry(context, name, fireTime, attempt + 1);
            }
        } catch (SchedulerException e) {
            throw new JobExecutionException(e);
        }
    }

    /** The firing a run belongs to: kept across retries and recovery, so the history groups them. */
    private static Instant fireTime(JobExecutionContext context, JobDataMap data) {
        if (data.containsKey(FIRE_TIME)) {
            return Instant.ofEpochMilli(Long.parseLong(data.getString(FIRE_TIME)));
        }
        String original = Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS;
        if (context.isRecovering() && data.containsKey(original)) {
            return Instant.ofEpochMilli(Long.parseLong(data.getString(original)));
        }
        Date scheduled = context.getScheduledFireTime();
        return (scheduled == null ? context.getFireTime() : scheduled).toInstant();
    }

    private void retry(JobExecutionContext context, String name, Instant fireTime, int attempt)
            throws SchedulerException {
        Instant at = Instant.now().plus(retryDelay);
        context.getScheduler().scheduleJob(TriggerBuilder.newTrigger()
                .withIdentity("retry-" + name + "-" + UUID.randomUUID(), JobScheduler.GROUP)
                .forJob(context.getJobDetail().getKey())
                .usingJobData(ATTEMPT, Integer.toString(attempt))
                .usingJobData(FIRE_TIME, Long.toString(fireTime.toEpochMilli()))
                .usingJobData(TRIGGERED_BY, BY_RETRY)
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build());
        LOG.info(() -> "Scheduled job " + name + " of " + fireTime + " will be retried at " + at + " (attempt "
                + attempt + " of " + (retries + 1) + ")");
    }
}
