package org.openmdms.reading.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openmdms.admin.boundary.Caller;
import org.openmdms.meter.control.RowError;
import org.openmdms.meter.store.MeterPlacement;
import org.openmdms.meter.store.MeterStore;
import org.openmdms.meter.store.UsagePointStore;
import org.openmdms.reading.control.ChannelMapping;
import org.openmdms.reading.control.MeterIntervalRead;
import org.openmdms.reading.control.RetentionPolicy;
import org.openmdms.reading.entity.ReadingImport;
import org.openmdms.reading.entity.ReadingReject;
import org.openmdms.reading.store.ChannelClock;
import org.openmdms.reading.store.IntervalRow;
import org.openmdms.reading.store.IntervalStore;
import org.openmdms.reading.store.ReadingImportStore;
import org.openmdms.reading.store.WriteResult;

/**
 * Writes one chunk of an import in a transaction of its own: maps the reads to channels with two
 * registry queries for the whole chunk, writes them through the interval store, and adds the
 * chunk's counts and rejects to the import record — all or nothing, so that a crash leaves the
 * import exactly as far as its committed chunks, and a re-import completes it with duplicates.
 */
@Stateless
@PermitAll
public class IntervalWriter {

    /** Rejects kept per import; beyond that they are counted, not listed (a garbage file would flood the table). */
    static final int MAX_REJECTS_KEPT = 10_000;

    @Inject
    MeterStore meters;

    @Inject
    UsagePointStore usagePoints;

    @Inject
    IntervalStore store;

    @Inject
    ReadingImportStore imports;

    @Resource
    SessionContext context;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long begin(String source, String format) {
        ReadingImport readingImport = new ReadingImport(source, format, Caller.name(context));
        imports.add(readingImport);
        return readingImport.id();
    }

    /** Starts the import of a batch that carries an idempotency key (unique: a second begin with it fails). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long begin(String source, String format, String idempotencyKey) {
        ReadingImport readingImport = new ReadingImport(source, format, Caller.name(context), idempotencyKey);
        imports.add(readingImport);
        imports.flush();
        return readingImport.id();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public java.util.Optional<Long> importWithKey(String idempotencyKey) {
        return imports.findByIdempotencyKey(idempotencyKey).map(ReadingImport::id);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public WriteResult writeChunk(long importId, List<MeterIntervalRead> reads, List<RowError> parseRejects) {
        Set<String> serials = reads.stream().map(MeterIntervalRead::meterId).collect(Collectors.toSet());
        List<MeterPlacement> placements = meters.placementsOf(serials);
        ChannelMapping mapping = new ChannelMapping(placements, usagePoints.channelsOf(
                placements.stream().map(MeterPlacement::usagePointId).collect(Collectors.toSet())));
        List<IntervalRow> rows = new ArrayList<>(reads.size());
        Map<Long, ChannelClock> clocks = new HashMap<>();
        List<RowError> rejects = new ArrayList<>(parseRejects);
        // Detail before the retention cutoff has been removed; storing it again would recompute that
        // day's kept total from the late reads alone.
        Instant cutoff = RetentionPolicy.configured().cutoff(LocalDate.now(ZoneOffset.UTC)).orElse(Instant.MIN);
        for (MeterIntervalRead read : reads) {
            if (read.intervalEnd().isBefore(cutoff)) {
                rejects.add(new RowError(read.line(), "older than the retention period (interval end before "
                        + cutoff + ")"));
                continue;
            }
            ChannelMapping.Mapped mapped = mapping.map(read);
            if (mapped.refused()) {
                rejects.add(new RowError(read.line(), mapped.refusal()));
            } else {
                rows.add(mapped.row());
                clocks.put(mapped.row().channelId(), mapped.clock());
            }
        }
        WriteResult written = store.write(rows, clocks, importId);
        ReadingImport readingImport = imports.find(importId).orElseThrow();
        long alreadyRejected = readingImport.rejected();
        readingImport.count(reads.size() + parseRejects.size(), written.stored(), written.duplicates(), rejects.size());
        for (int i = 0; i < rejects.size() && alreadyRejected + i < MAX_REJECTS_KEPT; i++) {
            imports.addReject(new ReadingReject(importId, rejects.get(i).line(), rejects.get(i).reason()));
        }
        return written;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(long importId, String failure) {
        ReadingImport readingImport = imports.find(importId).orElseThrow();
        if (failure == null) {
            readingImport.complete();
        } else {
            readingImport.fail(failure);
        }
    }
}
