package org.openmdms.reading.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.openmdms.admin.entity.Role;
import org.openmdms.meter.control.RowError;
import org.openmdms.reading.control.MeterIntervalRead;
import org.openmdms.reading.control.ReadingFormat;
import org.openmdms.reading.control.ReadingSink;

/**
 * Imports a reading file of any size in bounded memory: the parser streams records into chunks of
 * {@link #CHUNK} reads, each written and counted in its own transaction by {@link IntervalWriter}.
 * Every import is recorded with its counts and rejects (line and reason).
 */
@Stateless
@RolesAllowed({Role.ADMIN, Role.ANALYST})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReadingImporter {

    static final int CHUNK = 20_000;
    private static final Logger LOG = Logger.getLogger(ReadingImporter.class.getName());

    @Inject
    IntervalWriter writer;

    @Inject
    MeterReadings readings;

    /** Imports the file and returns its import record. The format is checked before anything is read. */
    public ReadingImportView importFile(String source, String format, InputStream content) {
        ReadingFormat readingFormat = ReadingFormat.of(format);
        long importId = writer.begin(source, readingFormat.name());
        long started = System.nanoTime();
        Chunker chunker = new Chunker(importId);
        try {
            readingFormat.parse(new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8), 1 << 16),
                    chunker);
            chunker.flush();
            writer.finish(importId, null);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Import " + importId + " of " + source + " failed: " + e);
            writer.finish(importId, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        ReadingImportView view = readings.importRecord(importId);
        LOG.info(() -> String.format("Import %d of %s (%s): %d received, %d stored, %d duplicates, %d rejected in %d ms",
                importId, source, readingFormat, view.received(), view.stored(), view.duplicates(), view.rejected(),
                (System.nanoTime() - started) / 1_000_000));
        return view;
    }

    /** Collects parsed reads into chunks and hands each full chunk to the writer. */
    private final class Chunker implements ReadingSink {

        private final long importId;
        private final List<MeterIntervalRead> reads = new ArrayList<>(CHUNK);
        private final List<RowError> rejects = new ArrayList<>();

        Chunker(long importId) {
            this.importId = importId;
        }

        @Override
        public void interval(MeterIntervalRead read) {
            reads.add(read);
            if (reads.size() >= CHUNK) {
                flush();
            }
        }

        @Override
        public void reject(RowError error) {
            rejects.add(error);
            if (rejects.size() >= CHUNK) {
                flush();
            }
        }

        void flush() {
            if (!reads.isEmpty() || !rejects.isEmpty()) {
                writer.writeChunk(importId, List.copyOf(reads), List.copyOf(rejects));
                reads.clear();
                rejects.clear();
            }
        }
    }
}
