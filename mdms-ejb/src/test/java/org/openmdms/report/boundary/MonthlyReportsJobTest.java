package org.openmdms.report.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmdms.schedule.control.JobOutcome;

/** The monthly reports job writes the month's four workbooks, all of them whole or none. */
class MonthlyReportsJobTest {

    /** Reports that write their name and count calls, or fail on one report. */
    static final class FakeReports extends Reports {
        final List<String> asked = new ArrayList<>();
        String failOn;

        private int write(String name, LocalDate from, LocalDate to, OutputStream out) {
            asked.add(name + " " + from + " " + to);
            if (name.equals(failOn)) {
                throw new IllegalStateException("database gone");
            }
            try {
                out.write(name.getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return 10;
        }

        @Override
        public int exceptions(LocalDate from, LocalDate to, OutputStream out) {
            return write("exceptions", from, to, out);
        }

        @Override
        public int edits(LocalDate from, LocalDate to, OutputStream out) {
            return write("edits", from, to, out);
        }

        @Override
        public int registryChanges(LocalDate from, LocalDate to, OutputStream out) {
            return write("registry-changes", from, to, out);
        }

        @Override
        public int completeness(LocalDate from, LocalDate to, OutputStream out) {
            return write("completeness", from, to, out);
        }
    }

    @Test
    void theMonthsFourWorkbooksLandInTheFolder(@TempDir Path folder) throws IOException {
        MonthlyReportsJob job = new MonthlyReportsJob();
        FakeReports reports = new FakeReports();
        job.reports = reports;
        assertEquals(new JobOutcome(40L, 4), job.write(YearMonth.of(2013, 3), folder));
        assertEquals(List.of("exceptions 2013-03-01 2013-04-01", "edits 2013-03-01 2013-04-01",
                "registry-changes 2013-03-01 2013-04-01", "completeness 2013-03-01 2013-04-01"), reports.asked);
        assertEquals("completeness", Files.readString(folder.resolve("mdms-completeness-2013-03.xlsx")));
        try (var files = Files.list(folder)) {
            assertEquals(4, files.count());
        }
    }

    @Test
    void aFailedReportLeavesNoFileAtAll(@TempDir Path folder) throws IOException {
        MonthlyReportsJob job = new MonthlyReportsJob();
        FakeReports reports = new FakeReports();
        reports.failOn = "edits";
        job.reports = reports;
        assertThrows(IllegalStateException.class, () -> job.write(YearMonth.of(2013, 3), folder));
        try (var files = Files.list(folder)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).toList(),
                    "the workbooks written before the failure are not left either: the month appears whole or not at all");
        }
    }
}
