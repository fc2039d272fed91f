package org.openmdms.reading.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.openmdms.admin.boundary.Caller;
import org.openmdms.config.Settings;
import org.openmdms.meter.control.RowError;
import org.openmdms.meter.store.MeterPlacement;
import org.openmdms.meter.store.MeterStore;
import org.openmdms.meter.store.UsagePointStore;
import org.openmdms.operations.boundary.ClusterNode;
import org.openmdms.outage.boundary.PowerEventsStored;
import org.openmdms.reading.control.ChannelMapping;
import org.openmdms.reading.control.MeterEvent;
import org.openmdms.reading.control.MeterIntervalRead;
import org.openmdms.reading.control.MeterRegisterRead;
import org.openmdms.reading.control.ReadingChunk;
import org.openmdms.reading.control.RefusedRecord;
import org.openmdms.reading.control.RetentionPolicy;
import org.openmdms.reading.entity.MeterEventType;
import org.openmdms.reading.entity.ReadingImport;
import org.openmdms.reading.entity.ReadingReject;
import org.openmdms.reading.store.ChannelClock;
import org.openmdms.reading.store.DayRuns;
import org.openmdms.reading.store.EventRow;
import org.openmdms.reading.store.IntervalRow;
import org.openmdms.reading.store.IntervalStore;
import org.openmdms.reading.store.MeterEventStore;
import org.openmdms.reading.store.PendingDayStore;
import org.openmdms.reading.store.ReadingImportStore;
import org.openmdms.reading.store.RegisterReadStore;
import org.openmdms.reading.store.RegisterRow;
import org.openmdms.reading.store.WriteResult;

/**
 * Writes one chunk of an import in a transaction of its own: maps its interval reads, register reads
 * and events to the registry with three queries for the whole chunk, writes them through the
 * interval, register read and event stores, and adds the chunk's counts and rejects to the import
 * record — all or nothing, so that a crash leaves the
 * import exactly as far as its committed chunks, and a re-import completes it with duplicates.
 */
@Stateless
@PermitAll
public class IntervalWriter {

    /** Rejects kept per import; beyond that they are counted, not listed (a garbage file would flood the table). */
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(IntervalWriter.class.getName());

    static final int MAX_REJECTS_KEPT = 10_000;

    @Inject
    MeterStore meters;

    @Inject
    UsagePointStore usagePoints;

    @Inject
    IntervalStore store;

    @Inject
    RegisterReadStore registers;

    @Inject
    MeterEventStore events;

    @Inject
    ReadingImportStore imports;

    @Inject
    PendingDayStore pendingDays;

    @Inject
    IntervalPartitions partitions;

    @Resource
    SessionContext context;

    @Inject
    Event<PowerEventsStored> powerEvents;

    @Inject
    ClusterNode node;

    /** Starts an import on this node. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long begin(String source, String format) {
        ReadingImport readingImport = new ReadingImport(source, format, Caller.name(context));
        readingImport.runOn(node.name());
        imports.add(readingImport);
        return readingImport.id();
    }

    /** Starts the import of a batch that carries an idempotency key (unique: a second begin with it fails). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long begin(String source, String format, String idempotencyKey) {
        ReadingImport readingImport = new ReadingImport(source, format, Caller.name(context), idempotencyKey);
        readingImport.runOn(node.name());
        imports.add(readingImport);
        imports.flush();
        return readingImport.id();
    }

    /**
     * Takes an unfinished import of {@code fromNode} (dead, or this node before a restart) over to
     * this node, to resume it; false if it completed or another node took it first.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(long importId, String fromNode) {
        return imports.claim(importId, fromNode, node.name());
    }

    /** The chunks of the import that committed: a resumed import skips them. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Set<Integer> writtenChunks(long importId) {
        return imports.writtenChunks(importId);
    }

    /** Ends the RUNNING imports of a node that stopped as FAILED, interrupted (see {@link ReadingImportStore#interruptRunning}). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int interrupt(String stoppedNode, String reason) {
        return imports.interruptRunning(stoppedNode, reason);
    }

    /** The latest import of an inbox file that the node began at or after {@code claimedAt} and did not complete. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public java.util.Optional<Long> unfinishedImportOf(String source, String ranOn, Instant claimedAt) {
        return imports.latestOf(source, ranOn)
                .filter(i -> i.status() != org.openmdms.reading.entity.ImportStatus.COMPLETED)
                .filter(i -> !i.startedAt().isBefore(claimedAt))
                .map(ReadingImport::id);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public java.util.Optional<Long> importWithKey(String idempotencyKey) {
        return imports.findByIdempotencyKey(idempotencyKey).map(ReadingImport::id);
    }

    /**
     * Maps the chunk's reads and events to the registry with three queries (meter ids, installations,
     * channels; on PostgreSQL the meters only events name are one array query,
     * {@link MeterEventStore#metersOf}), writes them through their stores, and adds the counts and rejects to the import,
     * noting chunk {@code chunkNo} as committed with them (a resumed import skips it; the same chunk
     * written twice, by two nodes, fails the second).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public WriteResult writeChunk(long importId, int chunkNo, ReadingChunk chunk) {
        long started = System.nanoTime();
        imports.chunkWritten(importId, chunkNo);
        Set<String> serials = new HashSet<>();
        chunk.intervals().forEach(r -> serials.add(r.meterId()));
        chunk.registers().forEach(r -> serials.add(r.meterId()));
        Set<String> readSerials = new HashSet<>(serials);
        Set<String> eventSerials = chunk.events().stream().map(MeterEvent::meterId).collect(Collectors.toSet());
        serials.addAll(eventSerials);
        Set<String> eventOnly = new HashSet<>(eventSerials);
        eventOnly.removeAll(readSerials);
        List<MeterPlacement> placements;
        Map<String, Long> meterIds;
        var eventMeters = events.metersOf(eventOnly);
        if (eventMeters.isPresent()) {
            placements = new ArrayList<>(meters.placementsOf(readSerials));
            placements.addAll(eventMeters.get().placements());
            meterIds = new HashMap<>(eventMeters.get().meterIds());
            // idsOf(empty) asks nothing.
            meterIds.putAll(meters.idsOf(eventSerials.stream().filter(readSerials::contains).toList()));
        } else {
            placements = meters.placementsOf(serials);
            meterIds = meters.idsOf(eventSerials);
        }
        // Channels only where reads go: a storm's chunks of events need none.
        ChannelMapping mapping = new ChannelMapping(placements, usagePoints.channelsOf(placements.stream()
                .filter(p -> readSerials.contains(p.serialNumber())).map(MeterPlacement::usagePointId)
                .collect(Collectors.toSet())), meterIds);
        List<RefusedRecord> rejects = new ArrayList<>();
        chunk.rejects().forEach(error -> rejects.add(RefusedRecord.unparsed(error)));

        List<IntervalRow> rows = new ArrayList<>(chunk.intervals().size());
        Map<Long, ChannelClock> clocks = new HashMap<>();
        // Detail before the retention cutoff has been removed; storing it again would recompute that
        // day's kept total from the late reads alone.
        Instant cutoff = RetentionPolicy.configured().cutoff(LocalDate.now(ZoneOffset.UTC)).orElse(Instant.MIN);
        for (MeterIntervalRead read : chunk.intervals()) {
            if (read.intervalEnd().isBefore(cutoff)) {
                rejects.add(RefusedRecord.unparsed(new RowError(read.line(),
                        "older than the retention period (interval end before " + cutoff + ")")));
                continue;
            }
            ChannelMapping.Mapped mapped = mapping.map(read);
            if (mapped.refused()) {
                rejects.add(RefusedRecord.of(read, mapped.refusal()));
            } else {
                rows.add(mapped.row());
                clocks.put(mapped.row().channelId(), mapped.clock());
            }
        }
        List<RegisterRow> registerRows = new ArrayList<>();
        for (MeterRegisterRead read : chunk.registers()) {
            ChannelMapping.MappedRegister mapped = mapping.map(read);
            if (mapped.refusal() != null) {
                rejects.add(RefusedRecord.of(read, mapped.refusal()));
            } else {
                registerRows.add(mapped.row());
            }
        }
        List<EventRow> eventRows = new ArrayList<>();
        for (MeterEvent event : chunk.events()) {
            ChannelMapping.MappedEvent mapped = mapping.map(event);
            if (mapped.refusal() != null) {
                rejects.add(RefusedRecord.of(event, mapped.refusal()));
            } else {
                eventRows.add(mapped.row());
            }
        }
        DayRuns days = DayRuns.of(rows, clocks);
        if (!days.isEmpty()) {
            partitions.prepare(days.firstEnd(), days.lastEnd());
        }
        long mapped = System.nanoTime();
        Map<Long, SortedSet<LocalDate>> touched = Settings.veeOnImport() ? days.byChannel() : Map.of();
        WriteResult written = store.write(days, importId)
                .plus(registers.write(registerRows, importId))
                .plus(events.write(eventRows, importId));
        // Queued last, as the daily totals are written last: two writers whose chunks share a meter's day
        // wait for each other at that day's queue entry until the first commits. Queued before the
        // reads, that wait came before the second writer's COPY and the writers took turns.
        pendingDays.queue(touched);
        long power = eventRows.stream().filter(e -> e.type() == MeterEventType.LAST_GASP
                || e.type() == MeterEventType.POWER_RESTORE).count();
        if (power > 0) {
            powerEvents.fire(new PowerEventsStored((int) power));
        }
        long alreadyRejected = imports.addCounts(importId, node.name(), chunk.received(), written.stored(),
                written.duplicates(), rejects.size());
        rejects.sort(java.util.Comparator.comparingLong(RefusedRecord::line));
        LOG.fine(() -> String.format("import %d chunk of %d: mapped in %d ms, stored in %d ms", importId, chunk.received(),
                (mapped - started) / 1_000_000, (System.nanoTime() - mapped) / 1_000_000));
        for (int i = 0; i < rejects.size() && alreadyRejected + i < MAX_REJECTS_KEPT; i++) {
            RefusedRecord refused = rejects.get(i);
            imports.addReject(new ReadingReject(importId, refused.line(), refused.reason(), refused.kind(),
                    refused.json()));
        }
        return written;
    }

    /** The import's refused records that can be reprocessed and were not yet, in line order. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<ReadingReject> reprocessable(long importId) {
        imports.find(importId).orElseThrow(() -> new org.openmdms.meter.boundary.RegistryNotFound("No import " + importId));
        return imports.reprocessable(importId);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void markReprocessed(List<Long> rejectIds, long reprocessedIn) {
        imports.markReprocessed(rejectIds, reprocessedIn);
    }

    /** Ends the import, unless another node has resumed it meanwhile (this one was taken for dead). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(long importId, String failure) {
        ReadingImport readingImport = imports.find(importId).orElseThrow();
        if (!node.name().equals(readingImport.node())) {
            LOG.warning(() -> "Import " + importId + " was resumed by node " + readingImport.node() + "; node "
                    + node.name() + " leaves it to it");
            return;
        }
        if (failure == null) {
            readingImport.complete();
        } else {
            readingImport.fail(failure);
        }
    }
}
