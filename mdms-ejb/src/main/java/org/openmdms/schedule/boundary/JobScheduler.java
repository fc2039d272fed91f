package org.openmdms.schedule.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.openmdms.config.Settings;
import org.openmdms.schedule.control.CronSchedule;
import org.openmdms.schedule.control.DataSourceConnectionProvider;
import org.openmdms.schedule.control.QuartzProperties;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Owns this node's Quartz scheduler: starts it with the application and shuts it down with it
 * (waiting for running jobs). Every {@link ScheduledJob} bean becomes a durable Quartz job that
 * requests recovery, with a cron trigger of the same name made from its default expression the
 * first time (paused when the job starts disabled); later the stored trigger (as administrators left
 * it) wins.
 */
@Singleton
@Startup
@PermitAll // called by Schedules, which checks the caller's role
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class JobScheduler {

    /** The Quartz group of all MDMS jobs and triggers. */
    static final String GROUP = "mdms";
    private static final Logger LOG = Logger.getLogger(JobScheduler.class.getName());

    /** A non-JTA datasource on the application's database: Quartz commits its own work (docs/scheduling.md). */
    @Resource(lookup = "java:jboss/datasources/MdmsQuartzDS")
    DataSource dataSource;

    /** Not used directly: it makes this bean start after the persistence unit, whose start migrates the schema (V14 holds the Quartz tables). */
    @PersistenceUnit(unitName = "mdms")
    EntityManagerFactory migratedSchema;

    @EJB
    JobRunner runner;

    @Inject
    @Any
    Instance<ScheduledJob> jobs;

    private Scheduler scheduler;

    @PostConstruct
    void start() {
        try {
            DataSourceConnectionProvider.register(dataSource);
            scheduler = new StdSchedulerFactory(QuartzProperties.of(databaseProduct(), Settings.schedulerThreads(),
                    Settings.schedulerCheckinMillis())).getScheduler();
            int retries = Settings.schedulerRetries();
            Duration delay = Duration.ofSeconds(Settings.schedulerRetryDelaySeconds());
            scheduler.setJobFactory((bundle, s) -> new QuartzJob(runner::run, retries, delay));
            for (ScheduledJob job : jobs()) {
                register(job);
            }
            scheduler.start();
            LOG.info(() -> "Job scheduler started on node " + instanceId() + " with " + jobs().size() + " jobs");
        } catch (SchedulerException e) {
            throw new IllegalStateException("The job scheduler did not start", e);
        }
    }

    @PreDestroy
    void stop() {
        try {
            if (scheduler != null) {
                // a running job ends first; one cut off by a crash instead is recovered by another node
                scheduler.shutdown(true);
            }
        } catch (SchedulerException e) {
            LOG.warning(() -> "Job scheduler shutdown: " + e);
        }
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** This node's Quartz instance id (host name and start time). */
    public String instanceId() {
        try {
            return scheduler.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The jobs of this version, by name. */
    public List<ScheduledJob> jobs() {
        return jobs.stream().sorted(Comparator.comparing(ScheduledJob::name)).toList();
    }

    public Optional<ScheduledJob> job(String name) {
        return jobs.stream().filter(j -> j.name().equals(name)).findFirst();
    }

    static JobKey jobKey(String name) {
        return JobKey.jobKey(name, GROUP);
    }

    static TriggerKey triggerKey(String name) {
        return TriggerKey.triggerKey(name, GROUP);
    }

    /** The cron trigger of a job; misfires (the cluster was down at the time) are skipped, as EJB timers did. */
    static CronTrigger cronTrigger(String name, CronSchedule schedule) {
        return TriggerBuilder.newTrigger().withIdentity(triggerKey(name)).forJob(jobKey(name))
                .withSchedule(CronScheduleBuilder.cronSchedule(schedule.expression())
                        .inTimeZone(TimeZone.getTimeZone(schedule.zone()))
                        .withMisfireHandlingInstructionDoNothing())
                .build();
    }

    private void register(ScheduledJob job) throws SchedulerException {
        JobDetail detail = JobBuilder.newJob(QuartzJob.class).withIdentity(jobKey(job.name()))
                .withDescription(job.description()).storeDurably().requestRecovery().build();
        scheduler.addJob(detail, true, true);
        if (scheduler.getTrigger(triggerKey(job.name())) == null) {
            try {
                scheduler.scheduleJob(cronTrigger(job.name(), CronSchedule.of(job.defaultCron(), ZoneId.systemDefault())));
                if (!job.enabledByDefault()) {
                    scheduler.pauseTrigger(triggerKey(job.name()));
                }
            } catch (ObjectAlreadyExistsException e) {
                // another node starting at the same moment made it
            }
        }
    }

    private String databaseProduct() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("The scheduler's datasource MdmsQuartzDS is not reachable", e);
        }
    }
}
