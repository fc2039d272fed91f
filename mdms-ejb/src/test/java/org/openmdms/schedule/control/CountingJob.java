package org.openmdms.schedule.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/**
 * The test job: records each execution (job, node, scheduled fire time, whether it is a recovery)
 * in cluster_fired, then sleeps for the job data's sleepMillis unless it is a recovery.
 */
public class CountingJob implements Job {

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try (Connection c = ClusterNode.dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO cluster_fired"
                        + " (job, instance_id, fire_time, recovering) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, context.getJobDetail().getKey().getName());
            insert.setString(2, context.getScheduler().getSchedulerInstanceId());
            insert.setLong(3, context.getScheduledFireTime().getTime());
            insert.setBoolean(4, context.isRecovering());
            insert.executeUpdate();
        } catch (SQLException | SchedulerException e) {
            throw new JobExecutionException(e);
        }
        long sleep = context.getMergedJobDataMap().containsKey("sleepMillis")
                ? Long.parseLong(context.getMergedJobDataMap().getString("sleepMillis")) : 0;
        if (sleep > 0 && !context.isRecovering()) {
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
