package org.openmdms.report.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.openmdms.config.Settings;
import org.openmdms.schedule.boundary.ScheduledJob;
import org.openmdms.schedule.control.JobOutcome;

/**
 * The auditors' monthly workbooks, produced on a schedule: on the 1st, the exceptions, edits,
 * registry changes and completeness of the month before, into {@code mdms.export.reports.dir} as
 * {@code mdms-<report>-YYYY-MM.xlsx} — each written under a temporary name and renamed when complete.
 */
@ApplicationScoped
public class MonthlyReportsJob implements ScheduledJob {

    static final String[] MONTHLY = {"exceptions", "edits", "registry-changes", "completeness"};

    @EJB
    Reports reports;

    @Override
    public String name() {
        return "reports-monthly";
    }

    @Override
    public String description() {
        return "Writes last month's Excel reports (VEE exceptions, edits, registry changes, completeness) to the"
                + " reports folder. Records: rows written; files: workbooks.";
    }

    @Override
    public String defaultCron() {
        return "0 0 4 1 * ?";
    }

    @Override
    public JobOutcome run() {
        return write(YearMonth.now(ZoneOffset.UTC).minusMonths(1), Settings.reportsExportDir());
    }

    /** The month's workbooks into the folder. */
    JobOutcome write(YearMonth month, Path folder) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.plusMonths(1).atDay(1);
        long rows = 0;
        int files = 0;
        try {
            Files.createDirectories(folder);
            for (String report : MONTHLY) {
                Path target = folder.resolve("mdms-" + report + "-" + month + ".xlsx");
                Path part = folder.resolve(target.getFileName() + ".part");
                try (OutputStream out = Files.newOutputStream(part)) {
                    rows += switch (report) {
                        case "exceptions" -> reports.exceptions(from, to, out);
                        case "edits" -> reports.edits(from, to, out);
                        case "registry-changes" -> reports.registryChanges(from, to, out);
                        default -> reports.completeness(from, to, out);
                    };
                } catch (RuntimeException | IOException e) {
                    Files.deleteIfExists(part);
                    throw e;
                }
                org.openmdms.export.control.BillingFile.move(part, target);
                files++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JobOutcome(rows, files);
    }
}
