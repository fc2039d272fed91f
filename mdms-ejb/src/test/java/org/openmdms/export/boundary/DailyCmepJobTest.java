package org.openmdms.export.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmdms.schedule.control.JobOutcome;

/** The daily CMEP file: every usage point, batch by batch, into one file that appears only when complete. */
class DailyCmepJobTest {

    private static final Instant NOW = Instant.parse("2026-05-02T05:00:00Z");

    /** 1 201 usage points; each writes one line of two reads; one may fail. */
    static final class FakeCmep extends CmepExport {
        final List<String> all = IntStream.range(0, 1201).mapToObj(i -> String.format("UP-%05d", i)).toList();
        final List<Integer> batches = new ArrayList<>();
        String failOn;

        @Override
        public List<String> usagePointCodes(String after, int limit) {
            return all.stream().filter(c -> after == null || c.compareTo(after) > 0).limit(limit).toList();
        }

        @Override
        public long write(List<String> codes, LocalDate from, LocalDate to, Writer out, Instant createdAt) {
            assertEquals(LocalDate.of(2026, 5, 1), from);
            assertEquals(LocalDate.of(2026, 5, 2), to);
            assertEquals(NOW, createdAt, "one time stamp for the whole file");
            batches.add(codes.size());
            try {
                for (String code : codes) {
                    if (code.equals(failOn)) {
                        throw new IllegalStateException("database gone");
                    }
                    out.write(code + "\r\n");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return 2L * codes.size();
        }
    }

    private DailyCmepJob job(FakeCmep cmep) {
        DailyCmepJob job = new DailyCmepJob();
        job.cmep = cmep;
        job.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return job;
    }

    @Test
    void everyUsagePointIsWrittenInBatchesIntoOneFile(@TempDir Path folder) throws IOException {
        FakeCmep cmep = new FakeCmep();

        JobOutcome outcome = job(cmep).write(LocalDate.of(2026, 5, 1), folder);

        assertEquals(new JobOutcome(2402L, 1), outcome);
        assertEquals(List.of(500, 500, 201), cmep.batches);
        List<String> lines = Files.readAllLines(folder.resolve("mdms-cmep-20260501.csv"));
        assertEquals(cmep.all, lines);
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void aFailureMidwayLeavesNoFile(@TempDir Path folder) throws IOException {
        FakeCmep cmep = new FakeCmep();
        cmep.failOn = "UP-00700";

        assertThrows(IllegalStateException.class, () -> job(cmep).write(LocalDate.of(2026, 5, 1), folder));

        try (var files = Files.list(folder)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void itStartsDisabledAndFollowsTheExportTarget() {
        DailyCmepJob job = new DailyCmepJob();
        assertEquals("cmep-export-daily", job.name());
        assertEquals(false, job.enabledByDefault());
        assertEquals("mdms-cmep-20261231.csv", DailyCmepJob.fileName(LocalDate.of(2026, 12, 31)));
    }
}
