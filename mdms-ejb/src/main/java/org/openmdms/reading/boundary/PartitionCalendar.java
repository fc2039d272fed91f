package org.openmdms.reading.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmdms.admin.entity.Role;
import org.openmdms.reading.control.RetentionPolicy;
import org.openmdms.reading.store.IntervalStore;
import org.openmdms.reading.store.RetentionResult;

/**
 * Makes the storage for the coming months ready ahead of time (PostgreSQL partitions), at start-up
 * and every night, so that ingest rarely has to create one; reads for other months (late or early
 * data) get theirs on demand. Every night (the scheduled job interval-storage-nightly,
 * {@link NightlyStorageJob}) it also applies retention when one is configured
 * (mdms.retention.months), removing whole months past the period.
 */
@Singleton
@Startup
@RunAs(Role.ADMIN)
public class PartitionCalendar {

    static final int MONTHS_AHEAD = 3;
    private static final Logger LOG = Logger.getLogger(PartitionCalendar.class.getName());

    @Inject
    IntervalStore store;

    @Inject
    IntervalStorage storage;

    @PostConstruct
    void atStartup() {
        prepareComingMonths();
    }

    /**
     * Prepares the coming months, then applies retention when one is configured; returns what
     * retention removed (null when it is off). A failing retention fails the run after the months
     * are ready, so the scheduler retries it and the run history shows why.
     */
    @RolesAllowed(Role.ADMIN)
    public RetentionResult nightly() {
        prepareComingMonths();
        if (RetentionPolicy.configured().keepsForever()) {
            return null;
        }
        try {
            return storage.applyRetention();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Interval retention failed (the coming months are ready)", e);
            throw e;
        }
    }

    private void prepareComingMonths() {
        LocalDate thisMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        store.prepare(thisMonth.atStartOfDay().toInstant(ZoneOffset.UTC),
                thisMonth.plusMonths(MONTHS_AHEAD + 1).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(1));
        LOG.fine(() -> "Interval storage ready until " + thisMonth.plusMonths(MONTHS_AHEAD + 1));
    }
}
