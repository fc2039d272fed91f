package org.openmdms.reading.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import org.openmdms.admin.entity.Role;
import org.openmdms.meter.control.RowError;
import org.openmdms.operations.boundary.ClusterNode;
import org.openmdms.reading.control.ChunkCut;
import org.openmdms.reading.control.MeterEvent;
import org.openmdms.reading.control.MeterIntervalRead;
import org.openmdms.reading.control.MeterRegisterRead;
import org.openmdms.reading.control.ReadingBatch;
import org.openmdms.reading.control.ReadingBatchRefused;
import org.openmdms.reading.control.ReadingChunk;
import org.openmdms.reading.control.ReadingFormat;
import org.openmdms.reading.control.ReadingSink;
import org.openmdms.reading.control.RefusedRecord;
import org.openmdms.reading.entity.ImportStatus;
import org.openmdms.reading.entity.ReadingReject;
import org.openmdms.reading.store.IntervalStore;

/**
 * Imports a reading file or batch of any size in bounded memory: the parser streams records (interval
 * reads, register reads, events, rejects) into chunks of about {@link ChunkCut#SIZE} records, cut where
 * the meter changes ({@link ChunkCut}), each written and counted in its own transaction by {@link IntervalWriter}.
 * Where the store allows it (PostgreSQL: two) chunks are written side by side, so that one chunk's
 * mapping runs while the previous one's COPY keeps the database busy; their counts are added to the
 * import atomically. Every import is recorded with its counts and rejects (line and reason), and the
 * node running it. Chunks are numbered: the same content always splits into the same chunks, so an
 * import cut off by its node's death is resumed — by the batch sent again, or the inbox file reclaimed
 * — by writing only the chunks that had not committed.
 */
@Stateless
@RolesAllowed({Role.ADMIN, Role.ANALYST})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReadingImporter {

    private static final Logger LOG = Logger.getLogger(ReadingImporter.class.getName());

    @Inject
    IntervalWriter writer;

    @Inject
    IntervalStore store;

    @Resource
    ManagedExecutorService executor;

    @Inject
    MeterReadings readings;

    @Inject
    Event<ImportFinished> finished;

    @Inject
    ClusterNode node;

    /** Imports the file and returns its import record. The format is checked before anything is read. */
    public ReadingImportView importFile(String source, String format, InputStream content) {
        ReadingFormat readingFormat = ReadingFormat.of(format);
        long importId = writer.begin(source, readingFormat.name());
        return runFile(importId, source, readingFormat, content, Set.of());
    }

    /**
     * Resumes an unfinished import of the same file — an inbox file reclaimed from a dead node, or
     * from this node before its restart: the import is taken over to this node (false: it completed,
     * or another node took it; {@code null} is returned) and the file read again from the start; the
     * chunks the import had committed are skipped, the others written, so that it ends with the
     * counts of an uninterrupted import.
     */
    public ReadingImportView resumeFile(long importId, String ranOn, String source, String format, InputStream content) {
        ReadingFormat readingFormat = ReadingFormat.of(format);
        if (!writer.claim(importId, ranOn)) {
            return null;
        }
        Set<Integer> written = writer.writtenChunks(importId);
        LOG.info(() -> "Import " + importId + " of " + source + " resumes on this node after node " + ranOn
                + " stopped; " + written.size() + " chunks were committed");
        return runFile(importId, source, readingFormat, content, written);
    }

    private ReadingImportView runFile(long importId, String source, ReadingFormat readingFormat, InputStream content,
            Set<Integer> written) {
        long started = System.nanoTime();
        Chunker chunker = new Chunker(importId, written);
        try {
            readingFormat.parse(new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8), 1 << 16),
                    chunker);
            chunker.flush();
            chunker.awaitAll();
            writer.finish(importId, null);
        } catch (RuntimeException e) {
            chunker.awaitQuietly();
            LOG.warning(() -> "Import " + importId + " of " + source + " failed: " + e);
            writer.finish(importId, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        // A file's end wakes VEE for the days it queued; pushed batches leave them to the worker's next tick.
        finished.fire(new ImportFinished(importId));
        ReadingImportView view = readings.importRecord(importId);
        LOG.info(() -> String.format("Import %d of %s (%s): %d received, %d stored, %d duplicates, %d rejected in %d ms",
                importId, source, readingFormat, view.received(), view.stored(), view.duplicates(), view.rejected(),
                (System.nanoTime() - started) / 1_000_000));
        return view;
    }

    /** The most records (reads, register reads, events) one pushed batch may carry; larger deliveries go as files. */
    public static final int MAX_BATCH = 100_000;

    /**
     * Imports a batch a head-end pushed. A batch sent again with the same idempotency key (after a
     * timeout, say) is not imported twice: the earlier import is returned, marked as replayed. If
     * that import was cut off — its node stopped, so it is FAILED as interrupted, or still RUNNING on a
     * node that is dead — the batch sent again resumes it on this node instead: the chunks it had
     * committed are skipped, the others written, and it completes as if never interrupted.
     */
    public BatchImport importBatch(String idempotencyKey, ReadingBatch batch) {
        return importBatch(idempotencyKey, batch, "api batch");
    }

    /** As {@link #importBatch(String, ReadingBatch)}, naming the import {@code defaultSource} when the batch names none. */
    public BatchImport importBatch(String idempotencyKey, ReadingBatch batch, String defaultSource) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 128) {
            throw new ReadingBatchRefused("An Idempotency-Key of 1 to 128 characters is required, so that the"
                    + " batch can be sent again safely");
        }
        if (batch == null || batch.size() == 0) {
            throw new ReadingBatchRefused("The batch has no reads, register reads or events");
        }
        if (batch.size() > MAX_BATCH) {
            throw new ReadingBatchRefused("A batch carries at most " + MAX_BATCH + " records (reads, register reads"
                    + " and events together); send larger deliveries as a file");
        }
        String key = idempotencyKey.strip();
        var earlier = writer.importWithKey(key);
        if (earlier.isPresent()) {
            return resumeOrReplay(readings.importRecord(earlier.get()), batch);
        }
        long importId;
        try {
            importId = writer.begin(batch.source() == null || batch.source().isBlank() ? defaultSource : batch.source(),
                    "JSON", key);
        } catch (EJBException raced) {
            // The same batch arrived twice at once: the other request holds the key.
            return writer.importWithKey(key).map(id -> new BatchImport(true, readings.importRecord(id)))
                    .orElseThrow(() -> raced);
        }
        return new BatchImport(false, runBatch(importId, batch, Set.of()));
    }

    private BatchImport resumeOrReplay(ReadingImportView earlier, ReadingBatch batch) {
        boolean cutOff = earlier.status() == ImportStatus.FAILED
                || earlier.status() == ImportStatus.RUNNING && !node.alive(earlier.node());
        if (!cutOff || !writer.claim(earlier.id(), earlier.node())) {
            return new BatchImport(true, cutOff ? readings.importRecord(earlier.id()) : earlier);
        }
        Set<Integer> written = writer.writtenChunks(earlier.id());
        LOG.info(() -> "Import " + earlier.id() + " (" + earlier.source() + ") resumes on this node after node "
                + earlier.node() + " stopped; " + written.size() + " chunks were committed");
        return new BatchImport(false, runBatch(earlier.id(), batch, written));
    }

    private ReadingImportView runBatch(long importId, ReadingBatch batch, Set<Integer> written) {
        Chunker chunker = new Chunker(importId, written);
        try {
            batch.emit(chunker);
            chunker.flush();
            chunker.awaitAll();
            writer.finish(importId, null);
        } catch (RuntimeException e) {
            chunker.awaitQuietly();
            writer.finish(importId, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return readings.importRecord(importId);
    }

    /**
     * Imports again the records of an import that the registry refused (unknown meter, not installed
     * then, no such channel), once the registry is fixed: they go as one batch into a new import
     * ("reprocess of import N"; its lines number the records in the original order), and are marked as
     * taken up by it. Records refused again are rejects of the new import, which can be reprocessed in
     * turn. Sending the same reprocess twice imports once (its idempotency key is the last reject's id).
     */
    public BatchImport reprocess(long importId) {
        List<ReadingReject> rejects = writer.reprocessable(importId);
        if (rejects.isEmpty()) {
            throw new ReadingBatchRefused("Import " + importId + " has no refused records left to reprocess"
                    + " (records that could not be parsed must be fixed in the file and sent again)");
        }
        List<RefusedRecord> records = rejects.stream()
                .map(r -> new RefusedRecord(r.line(), r.reason(), r.recordKind(), r.recordJson())).toList();
        String key = "reprocess-" + importId + "-" + rejects.get(rejects.size() - 1).id();
        BatchImport result = importBatch(key, RefusedRecord.batch("reprocess of import " + importId, records));
        if (result.readingImport().status() == ImportStatus.COMPLETED) {
            writer.markReprocessed(rejects.stream().map(ReadingReject::id).toList(), result.readingImport().id());
        }
        return result;
    }

    /**
     * Collects what a parser or batch hands on — interval reads, register reads, events, rejects —
     * into chunks ({@link ChunkCut}) and hands each full chunk to the writer.
     */
    private final class Chunker implements ReadingSink {

        private final long importId;
        /** Chunks committed before (a resumed import): counted, not written again. */
        private final Set<Integer> written;
        private int chunkNo;
        private final List<MeterIntervalRead> intervals = new ArrayList<>();
        private final List<MeterRegisterRead> registers = new ArrayList<>();
        private final List<MeterEvent> events = new ArrayList<>();
        private final List<RowError> rejects = new ArrayList<>();
        private final ChunkCut cut = new ChunkCut();

        /** Chunks being written side by side (at most the store's concurrent writers), oldest first. */
        private final Deque<Future<?>> writing = new ArrayDeque<>();

        Chunker(long importId, Set<Integer> written) {
            this.importId = importId;
            this.written = written;
        }

        private void write(ReadingChunk chunk) {
            int number = ++chunkNo;
            if (written.contains(number)) {
                return;
            }
            int writers = store.concurrentWriters();
            if (writers <= 1) {
                writer.writeChunk(importId, number, chunk);
                return;
            }
            while (writing.size() >= writers) {
                awaitOldest();
            }
            writing.add(executor.submit(() -> writer.writeChunk(importId, number, chunk)));
        }

        private void awaitOldest() {
            try {
                writing.removeFirst().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }

        /** Waits for every chunk being written; the first failure is thrown after all are done. */
        void awaitQuietly() {
            try {
                awaitAll();
            } catch (RuntimeException alreadyFailing) {
                // the import fails with the first error
            }
        }

        void awaitAll() {
            RuntimeException failure = null;
            while (!writing.isEmpty()) {
                try {
                    awaitOldest();
                } catch (RuntimeException e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public void interval(MeterIntervalRead read) {
            cutBefore(read.meterId());
            intervals.add(read);
        }

        @Override
        public void register(MeterRegisterRead read) {
            cutBefore(read.meterId());
            registers.add(read);
        }

        @Override
        public void event(MeterEvent event) {
            cutBefore(event.meterId());
            events.add(event);
        }

        @Override
        public void reject(RowError error) {
            cutBefore(null);
            rejects.add(error);
        }

        /** Writes the chunk held so far where the next record, of this meter, starts another ({@link ChunkCut}). */
        private void cutBefore(String meter) {
            if (cut.before(intervals.size() + registers.size() + events.size() + rejects.size(), meter)) {
                flush();
            }
        }

        void flush() {
            ReadingChunk chunk = new ReadingChunk(List.copyOf(intervals), List.copyOf(registers), List.copyOf(events),
                    List.copyOf(rejects));
            if (chunk.received() > 0) {
                write(chunk);
                intervals.clear();
                registers.clear();
                events.clear();
                rejects.clear();
            }
        }
    }
}
