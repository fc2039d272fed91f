package org.openmdms.web.schedule;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.openmdms.paging.PageRequest;
import org.openmdms.schedule.boundary.JobRunView;
import org.openmdms.schedule.boundary.ScheduleView;
import org.openmdms.schedule.boundary.Schedules;
import org.openmdms.web.ListParams;
import org.openmdms.web.PageJson;

/**
 * Schedules of the MDMS's jobs (read: admin, auditor; change: admin, checked by the boundary): the
 * cron expression with its next fire times, enable/disable, run now, and the run history.
 */
@Path("schedules")
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    @Inject
    Schedules schedules;

    /** A change of a schedule; a field left out stays as it is. */
    public record Change(String cron, Boolean enabled) {
    }

    @GET
    public List<ScheduleView> list() {
        return schedules.list();
    }

    /** Reads a cron expression out and shows its next fire times without changing anything; 400 when invalid. */
    @GET
    @Path("cron-preview")
    public Schedules.CronPreview preview(@QueryParam("cron") String cron) {
        return schedules.preview(cron);
    }

    @GET
    @Path("{job}")
    public ScheduleView schedule(@PathParam("job") String job) {
        return schedules.schedule(job);
    }

    /** Changes the cron expression and/or enables or disables the job; 400 with the reason when the cron is invalid. */
    @PUT
    @Path("{job}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ScheduleView change(@PathParam("job") String job, Change change) {
        if (change == null) {
            throw new IllegalArgumentException("Send {\"cron\": \"0 15 2 * * ?\", \"enabled\": true} (either may be left out)");
        }
        return schedules.update(job, change.cron(), change.enabled());
    }

    /** Runs the job now on a free node; 202: the run appears in GET {job}/runs when it starts. */
    @POST
    @Path("{job}/runs")
    public Response runNow(@PathParam("job") String job) {
        schedules.runNow(job);
        return Response.accepted(schedules.schedule(job)).build();
    }

    @GET
    @Path("{job}/runs")
    public PageJson<JobRunView> runs(@PathParam("job") String job, @BeanParam ListParams list) {
        PageRequest page = list.page();
        return PageJson.of(schedules.runs(job, page), page);
    }
}
