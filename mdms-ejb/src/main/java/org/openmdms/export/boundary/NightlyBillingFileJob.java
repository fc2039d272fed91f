package org.openmdms.export.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.openmdms.export.control.FileExport;
import org.openmdms.schedule.boundary.ScheduledJob;
import org.openmdms.schedule.control.JobOutcome;

/** The nightly legacy billing files of yesterday's calculations (UTC), after the nightly billing run. */
@ApplicationScoped
public class NightlyBillingFileJob implements ScheduledJob {

    @EJB
    BillingFileExport export;

    @Override
    public String name() {
        return FileExport.BILLING_FILE.job();
    }

    @Override
    public String description() {
        return "Writes the legacy billing files (new and corrected determinants, fixed-width and CSV, with"
                + " checksums) of the determinants calculated the day before (UTC) to the folder of the export target"
                + " billing-file. Records: determinants; files: files written.";
    }

    @Override
    public String defaultCron() {
        return "0 30 3 * * ?";
    }

    @Override
    public JobOutcome run() {
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        int files = export.export(yesterday).size();
        return new JobOutcome((long) export.count(yesterday), files);
    }
}
