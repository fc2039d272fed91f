package org.openmdms.reading.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import org.openmdms.reading.store.IntervalStore;

/**
 * Makes the storage for the coming months ready ahead of time (PostgreSQL partitions), at start-up
 * and every night, so that ingest rarely has to create one; reads for other months (late or early
 * data) get theirs on demand. Quartz takes this over with the exports issue.
 */
@Singleton
@Startup
public class PartitionCalendar {

    static final int MONTHS_AHEAD = 3;
    private static final Logger LOG = Logger.getLogger(PartitionCalendar.class.getName());

    @Inject
    IntervalStore store;

    @PostConstruct
    void atStartup() {
        prepareComingMonths();
    }

    @Schedule(hour = "2", minute = "15", persistent = false)
    void prepareComingMonths() {
        LocalDate thisMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        store.prepare(thisMonth.atStartOfDay().toInstant(ZoneOffset.UTC),
                thisMonth.plusMonths(MONTHS_AHEAD + 1).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(1));
        LOG.fine(() -> "Interval storage ready until " + thisMonth.plusMonths(MONTHS_AHEAD + 1));
    }
}
