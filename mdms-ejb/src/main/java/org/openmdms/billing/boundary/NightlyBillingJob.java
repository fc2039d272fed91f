package org.openmdms.billing.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.openmdms.schedule.boundary.ScheduledJob;
import org.openmdms.schedule.control.JobOutcome;

/** The nightly billing run: determinants of ended periods that are missing or stale ({@link BillingRuns#nightly()}). */
@ApplicationScoped
public class NightlyBillingJob implements ScheduledJob {

    @EJB
    BillingRuns runs;

    @Override
    public String name() {
        return "billing-nightly";
    }

    @Override
    public String description() {
        return "Calculates the billing determinants of every cycle's last " + BillingRuns.NIGHTLY_PERIODS
                + " ended periods for the usage points without determinants or with stale ones."
                + " Records: usage points that were due.";
    }

    @Override
    public String defaultCron() {
        return "0 15 2 * * ?";
    }

    @Override
    public JobOutcome run() {
        return JobOutcome.records(runs.nightly());
    }
}
