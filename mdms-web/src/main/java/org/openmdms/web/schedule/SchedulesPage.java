package org.openmdms.web.schedule;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openmdms.export.boundary.ExportTargetView;
import org.openmdms.export.boundary.ExportTargets;
import org.openmdms.paging.Page;
import org.openmdms.paging.PageRequest;
import org.openmdms.schedule.boundary.JobRunView;
import org.openmdms.schedule.boundary.ScheduleView;
import org.openmdms.schedule.boundary.Schedules;
import org.openmdms.web.Messages;
import org.openmdms.web.PagedRows;
import org.primefaces.model.FilterMeta;

/**
 * admin/schedules.xhtml: the jobs with their cron expressions read out and next fire times; an
 * administrator enables or disables a job, runs it now, or edits its cron expression (checked,
 * previewed); a job that writes files links to its export target; the run history of the selected
 * job below, paged, refreshed every few seconds so that a run started here shows up and ends.
 */
@Named
@ViewScoped
public class SchedulesPage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The cron expression's field: its errors are shown next to it. */
    private static final String CRON_FIELD = "schedules:cronText";
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    @Inject
    Schedules schedules;

    @Inject
    ExportTargets exportTargets;

    private List<ScheduleView> jobs;
    private Map<String, ExportTargetView> targets;
    private int historyDays;
    private String selected;
    private String editing;
    private String cron;
    private Schedules.CronPreview preview;
    private final Runs runs = new Runs();

    public void load() {
        jobs = schedules.list();
        targets = exportTargets.list().stream().collect(Collectors.toMap(ExportTargetView::job, t -> t));
        historyDays = schedules.historyDays();
        if ((selected == null || jobs.stream().noneMatch(j -> j.name().equals(selected))) && !jobs.isEmpty()) {
            selected = jobs.get(0).name();
        }
    }

    /** The export target a job writes its files to, or null when it writes none. */
    public ExportTargetView target(String job) {
        return targets == null ? null : targets.get(job);
    }

    /** Days of run history kept (mdms.scheduler.history.days; 0: for ever). */
    public int getHistoryDays() {
        return historyDays;
    }

    public void select(String job) {
        selected = job;
    }

    public void edit(ScheduleView job) {
        editing = job.name();
        cron = job.cron();
        preview = null;
        check();
    }

    /** Checks the expression being edited and shows its reading and next fire times, or why it is invalid. */
    public void check() {
        try {
            preview = schedules.preview(cron);
        } catch (RuntimeException e) {
            preview = null;
            Messages.refused(CRON_FIELD, e);
        }
    }

    public void save() {
        try {
            schedules.update(editing, cron, null);
            Messages.info("Schedule of " + editing + " changed to " + cron);
            editing = null;
        } catch (RuntimeException e) {
            Messages.refused(CRON_FIELD, e);
        }
        load();
    }

    public void cancel() {
        editing = null;
    }

    public void enable(ScheduleView job, boolean enabled) {
        try {
            schedules.update(job.name(), null, enabled);
            Messages.info(job.name() + (enabled ? " enabled" : " disabled"));
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
        load();
    }

    public void runNow(ScheduleView job) {
        try {
            schedules.runNow(job.name());
            selected = job.name();
            Messages.info(job.name() + " started; its run appears in the history below when a node takes it");
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
        load();
    }

    /** An instant with seconds and the offset, in the schedules' time zone. */
    public String at(Instant instant, String zone) {
        return instant == null ? "" : ZonedDateTime.ofInstant(instant, ZoneId.of(zone == null ? "UTC" : zone)).format(AT);
    }

    public List<ScheduleView> getJobs() {
        return jobs;
    }

    public String getSelected() {
        return selected;
    }

    /** The job whose history is shown first (?job=, e.g. from the Export targets page). */
    public void setSelected(String selected) {
        this.selected = selected;
    }

    public String getEditing() {
        return editing;
    }

    public String getCron() {
        return cron;
    }

    public void setCron(String cron) {
        this.cron = cron;
    }

    public Schedules.CronPreview getPreview() {
        return preview;
    }

    public Runs getRuns() {
        return runs;
    }

    /** The history of the selected job, newest first. */
    public class Runs extends PagedRows<JobRunView> {

        private static final long serialVersionUID = 1L;

        @Override
        protected Page<JobRunView> page(Map<String, FilterMeta> filterBy, PageRequest request) {
            return selected == null ? new Page<>(List.of(), 0) : schedules.runs(selected, request);
        }

        @Override
        protected String key(JobRunView row) {
            return Long.toString(row.id());
        }
    }
}
