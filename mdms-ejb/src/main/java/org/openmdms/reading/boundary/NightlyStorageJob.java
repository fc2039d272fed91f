package org.openmdms.reading.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.openmdms.reading.store.RetentionResult;
import org.openmdms.schedule.boundary.ScheduledJob;
import org.openmdms.schedule.control.JobOutcome;

/** The nightly interval storage work of {@link PartitionCalendar}: the coming months ready, retention applied. */
@ApplicationScoped
public class NightlyStorageJob implements ScheduledJob {

    @EJB
    PartitionCalendar calendar;

    @Override
    public String name() {
        return "interval-storage-nightly";
    }

    @Override
    public String description() {
        return "Makes the interval storage of the next " + PartitionCalendar.MONTHS_AHEAD + " months ready"
                + " (PostgreSQL partitions) and applies the retention policy (mdms.retention.months), if any."
                + " Records: months (partitions) or rows removed by retention.";
    }

    @Override
    public String defaultCron() {
        return "0 15 2 * * ?";
    }

    @Override
    public JobOutcome run() {
        RetentionResult removed = calendar.nightly();
        if (removed == null) {
            return JobOutcome.records(0);
        }
        return JobOutcome.records(removed.partitions().isEmpty() ? removed.deletedRows() : removed.partitions().size());
    }
}
