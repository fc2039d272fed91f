package org.openmdms.schedule.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmdms.admin.boundary.AuditTrail;
import org.openmdms.admin.boundary.Caller;
import org.openmdms.admin.entity.Role;
import org.openmdms.config.Settings;
import org.openmdms.meter.boundary.RegistryNotFound;
import org.openmdms.paging.Page;
import org.openmdms.paging.PageRequest;
import org.openmdms.schedule.control.CronSchedule;
import org.openmdms.schedule.store.JobRunStore;
import org.quartz.CronTrigger;
import org.quartz.JobDataMap;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;

/**
 * The schedules of the MDMS's jobs for administrators: read with the next fire times and the run
 * history, change the cron expression, enable (resume) or disable (pause), run now. Every change is
 * audited. Quartz writes its tables in transactions of its own (JobStoreTX), so a change is in the
 * job store as soon as the call returns, on every node.
 */
@Stateless
@RolesAllowed(Role.ADMIN)
public class Schedules {

    static final String SUBJECT = "SCHEDULE";
    /** Next fire times shown per job. */
    static final int PREVIEW = 3;

    @EJB
    JobScheduler jobScheduler;

    @Inject
    JobRunStore runs;

    @EJB
    AuditTrail audit;

    @Resource
    SessionContext context;

    @RolesAllowed({Role.ADMIN, Role.AUDITOR})
    public List<ScheduleView> list() {
        return jobScheduler.jobs().stream().map(job -> view(job.name())).toList();
    }

    @RolesAllowed({Role.ADMIN, Role.AUDITOR})
    public ScheduleView schedule(String name) {
        return view(known(name));
    }

    /** Checks a cron expression and previews it, changing nothing: the editor's live check. */
    @RolesAllowed({Role.ADMIN, Role.AUDITOR})
    public CronPreview preview(String cron) {
        CronSchedule schedule = CronSchedule.of(cron, ZoneId.systemDefault());
        return new CronPreview(schedule.expression(), schedule.describe(), schedule.nextAfter(Instant.now(), PREVIEW));
    }

    /** Changes the cron expression and/or enables or disables the job (null leaves a value as it is). */
    public ScheduleView update(String name, String cron, Boolean enabled) {
        known(name);
        ScheduleView before = view(name);
        try {
            Scheduler scheduler = jobScheduler.scheduler();
            if (cron != null && !cron.isBlank()) {
                CronSchedule schedule = CronSchedule.of(cron, ZoneId.of(before.timeZone()));
                if (!schedule.expression().equals(before.cron())) {
                    scheduler.rescheduleJob(JobScheduler.triggerKey(name), JobScheduler.cronTrigger(name, schedule));
                    if (!before.enabled()) {
                        // a replaced trigger starts out waiting: keep a disabled job disabled
                        scheduler.pauseTrigger(JobScheduler.triggerKey(name));
                    }
                }
            }
            if (enabled != null && enabled != before.enabled()) {
                if (enabled) {
                    scheduler.resumeJob(JobScheduler.jobKey(name));
                } else {
                    scheduler.pauseJob(JobScheduler.jobKey(name));
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("The job store refused the change of " + name + ": " + e.getMessage(), e);
        }
        ScheduleView after = view(name);
        audit.record("UPDATE", SUBJECT, name, auditState(before), auditState(after));
        return after;
    }

    /** Fires the job at once on whichever node is free (even a disabled one); the run appears in its history. */
    public void runNow(String name) {
        known(name);
        JobDataMap data = new JobDataMap();
        data.put(QuartzJob.TRIGGERED_BY, Caller.name(context));
        try {
            jobScheduler.scheduler().triggerJob(JobScheduler.jobKey(name), data);
        } catch (SchedulerException e) {
            throw new IllegalStateException("The job store refused to run " + name + ": " + e.getMessage(), e);
        }
        audit.record("RUN_NOW", SUBJECT, name, null, Map.of("requestedAt", Instant.now().toString()));
    }

    /** Days of run history kept before job-history-cleanup deletes it (mdms.scheduler.history.days; 0: for ever). */
    @RolesAllowed({Role.ADMIN, Role.AUDITOR})
    public int historyDays() {
        return Settings.schedulerHistoryDays();
    }

    /** The runs of one job, newest first. */
    @RolesAllowed({Role.ADMIN, Role.AUDITOR})
    public Page<JobRunView> runs(String name, PageRequest page) {
        return runs.runs(known(name), page).map(JobRunView::of);
    }

    /** A cron expression read out, with its next fire times. */
    public record CronPreview(String cron, String description, List<Instant> nextFireTimes) implements Serializable {
    }

    private String known(String name) {
        return jobScheduler.job(name).orElseThrow(() -> new RegistryNotFound("No scheduled job " + name
                + "; the jobs are " + jobScheduler.jobs().stream().map(ScheduledJob::name).toList())).name();
    }

    private ScheduleView view(String name) {
        ScheduledJob job = jobScheduler.job(name).orElseThrow();
        try {
            Scheduler scheduler = jobScheduler.scheduler();
            Trigger trigger = scheduler.getTrigger(JobScheduler.triggerKey(name));
            Trigger.TriggerState state = scheduler.getTriggerState(JobScheduler.triggerKey(name));
            String cron = trigger instanceof CronTrigger c ? c.getCronExpression() : job.defaultCron();
            ZoneId zone = trigger instanceof CronTrigger c ? c.getTimeZone().toZoneId() : ZoneId.systemDefault();
            CronSchedule schedule = CronSchedule.of(cron, zone);
            boolean enabled = state != Trigger.TriggerState.PAUSED;
            var last = runs.runs(name, PageRequest.first(1).withoutTotal()).items();
            return new ScheduleView(name, job.description(), cron, schedule.describe(), zone.getId(), enabled,
                    state.name(), enabled ? schedule.nextAfter(Instant.now(), PREVIEW) : List.of(),
                    trigger == null || trigger.getPreviousFireTime() == null ? null
                            : trigger.getPreviousFireTime().toInstant(),
                    last.isEmpty() ? null : JobRunView.of(last.get(0)));
        } catch (SchedulerException e) {
            throw new IllegalStateException("The job store could not be read: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> auditState(ScheduleView view) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("cron", view.cron());
        state.put("timeZone", view.timeZone());
        state.put("enabled", view.enabled());
        return state;
    }
}
