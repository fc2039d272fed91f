package org.openmdms.export.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openmdms.export.control.FileExport;
import org.openmdms.export.control.StagedFiles;
import org.openmdms.schedule.boundary.ScheduledJob;
import org.openmdms.schedule.control.JobOutcome;

/**
 * The daily CMEP file for a receiver that wants every usage point's interval reads: the local day
 * before the run's UTC date, all usage points in code order, written batch by batch (each batch a
 * transaction of its own) into one file under a temporary name that is renamed when complete.
 * Disabled until an administrator enables it: not every installation has a CMEP receiver.
 */
@ApplicationScoped
public class DailyCmepJob implements ScheduledJob {

    static final int BATCH = 500;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    @EJB
    CmepExport cmep;

    @EJB
    ExportTargets targets;

    Clock clock = Clock.systemUTC();

    @Override
    public String name() {
        return FileExport.CMEP_DAILY.job();
    }

    @Override
    public String description() {
        return "Writes the day before's interval reads of every usage point as one CMEP file (mdms-cmep-YYYYMMDD.csv)"
                + " to the folder of the export target cmep-daily. Disabled until enabled. Records: reads; files: files"
                + " written.";
    }

    @Override
    public String defaultCron() {
        return "0 0 5 * * ?";
    }

    @Override
    public boolean enabledByDefault() {
        return false;
    }

    @Override
    public JobOutcome run() {
        return write(LocalDate.now(clock).minusDays(1), targets.folder(FileExport.CMEP_DAILY));
    }

    /** The day's reads of every usage point into the folder as one file. */
    JobOutcome write(LocalDate day, Path folder) {
        Instant createdAt = clock.instant();
        long reads = 0;
        try (StagedFiles files = new StagedFiles(folder)) {
            try (Writer out = new BufferedWriter(new OutputStreamWriter(files.create(fileName(day)),
                    StandardCharsets.UTF_8), 1 << 16)) {
                String last = null;
                for (List<String> codes = cmep.usagePointCodes(null, BATCH); !codes.isEmpty();
                        codes = cmep.usagePointCodes(last, BATCH)) {
                    reads += cmep.write(codes, day, day.plusDays(1), out, createdAt);
                    last = codes.get(codes.size() - 1);
                }
            }
            return new JobOutcome(reads, files.commit().size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fileName(LocalDate day) {
        return "mdms-cmep-" + DAY.format(day) + ".csv";
    }
}
