package org.openmdms.report.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.openmdms.export.boundary.ExportTargets;
import org.openmdms.export.control.FileExport;
import org.openmdms.export.control.StagedFiles;
import org.openmdms.schedule.boundary.ScheduledJob;
import org.openmdms.schedule.control.JobOutcome;

/**
 * The auditors' monthly workbooks, produced on a schedule: on the 1st, the exceptions, edits,
 * registry changes and completeness of the month before, into the export target monthly-reports
 * ({@code mdms.export.reports.dir} until an administrator chooses a folder) as
 * {@code mdms-<report>-YYYY-MM.xlsx} — written under temporary names and renamed together when all
 * four are complete.
 */
@ApplicationScoped
public class MonthlyReportsJob implements ScheduledJob {

    static final String[] MONTHLY = {"exceptions", "edits", "registry-changes", "completeness"};

    @EJB
    Reports reports;

    @EJB
    ExportTargets targets;

    @Override
    public String name() {
        return FileExport.MONTHLY_REPORTS.job();
    }

    @Override
    public String description() {
        return "Writes last month's Excel reports (VEE exceptions, edits, registry changes, completeness) to the"
                + " folder of the export target monthly-reports. Records: rows written; files: workbooks.";
    }

    @Override
    public String defaultCron() {
        return "0 0 4 1 * ?";
    }

    @Override
    public JobOutcome run() {
        return write(YearMonth.now(ZoneOffset.UTC).minusMonths(1), targets.folder(FileExport.MONTHLY_REPORTS));
    }

    /** The month's workbooks into the folder, all four or none (a failure midway deletes the temporary files). */
    JobOutcome write(YearMonth month, Path folder) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.plusMonths(1).atDay(1);
        long rows = 0;
        try (StagedFiles files = new StagedFiles(folder)) {
            for (String report : MONTHLY) {
                try (OutputStream out = files.create("mdms-" + report + "-" + month + ".xlsx")) {
                    rows += switch (report) {
                        case "exceptions" -> reports.exceptions(from, to, out);
                        case "edits" -> reports.edits(from, to, out);
                        case "registry-changes" -> reports.registryChanges(from, to, out);
                        default -> reports.completeness(from, to, out);
                    };
                }
            }
            return new JobOutcome(rows, files.commit().size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
