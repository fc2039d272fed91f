package org.openmdms.outage.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.openmdms.outage.control.Detection;
import org.openmdms.outage.control.Device;
import org.openmdms.outage.control.GridPicture;
import org.openmdms.outage.control.Interruption;
import org.openmdms.outage.control.MeterPower;
import org.openmdms.outage.control.Outage;
import org.openmdms.outage.control.OutageDetector;
import org.openmdms.outage.control.OutagePolicy;
import org.openmdms.outage.control.OutageState;
import org.openmdms.outage.control.PowerEvent;
import org.openmdms.outage.control.PowerState;
import org.openmdms.outage.store.OutageRows;
import org.openmdms.outage.store.OutageStore;

/**
 * One step of outage detection, in one transaction under the detection lock: the oldest queued
 * power events (at most {@value #BATCH}) and the usage points whose last gasps have waited the
 * momentary time, against the picture of their feeders; what changed is written, each outage change
 * becomes a notice, and the applied events leave the queue. A step that fails rolls back whole and
 * its events stay queued.
 */
@Stateless
@PermitAll
public class OutageDetection {

    /**
     * Events per step: one transaction absorbs a storm's worth of them. Each step rewrites every
     * outage it touches and publishes a notice for each (a storm spread over 5 000 transformers: all
     * of them, every step), and walks the whole picture: bench/outage's storm of 100 000 took 29 s in
     * steps of 20 000 and 19 s in steps of 50 000; with up to 100 000, what queued while the step
     * before ran is one step, not a full one and a small one that rewrites the same outages again.
     */
    static final int BATCH = 100_000;
    private static final Logger LOG = Logger.getLogger(OutageDetection.class.getName());

    @Inject
    OutageStore store;

    /** What one step did. */
    public record Step(int events, int applied, int ignored, int momentary, int outagesChanged, boolean more) {
    }

    /**
     * One step, extending the picture {@code memory} holds (a new one when the tables changed since
     * this node's last step). When it throws, its transaction rolled back: the caller must
     * {@link GridMemory#forget} the memory.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Step detect(GridMemory memory) {
        long t0 = System.nanoTime();
        long generation = store.lockDetection();
        OutagePolicy policy = policy(store.policy());
        Instant now = Instant.now();
        List<OutageRows.QueuedEvent> queued = store.take(BATCH);
        List<Long> due = store.pendingSince(now.minus(policy.momentary()), BATCH);
        if (queued.isEmpty() && due.isEmpty()) {
            return new Step(0, 0, 0, 0, 0, false);
        }
        Set<Long> usagePoints = new LinkedHashSet<>(due);
        List<PowerEvent> events = new ArrayList<>(queued.size());
        for (OutageRows.QueuedEvent event : queued) {
            usagePoints.add(event.usagePointId());
            events.add(new PowerEvent(event.usagePointId(), event.occurredAt(), "POWER_RESTORE".equals(event.type())));
        }
        long t1 = System.nanoTime();
        GridPicture grid = memory.picture(generation, now);
        boolean fromMemory = !grid.meters().isEmpty(); // a picture read anew starts empty
        extend(memory, grid, usagePoints);
        long t2 = System.nanoTime();
        Detection detection = new OutageDetector(policy).detect(grid, events, now);
        long t3 = System.nanoTime();
        save(detection, now, policy);
        long t4 = System.nanoTime();
        memory.committed(store.advanceGeneration(generation));
        long t5 = System.nanoTime();
        // One line per step that had work (bench/outage sums them): what it did and where its time went.
        LOG.info(() -> String.format("Outage detection: %d events, %d due, %d outages opened or changed in %d ms"
                + " (queue %d, picture %d, detect %d, save %d, generation %d ms; picture of %d usage points, %s)",
                queued.size(), due.size(), detection.outages().size(), ms(t0, t5), ms(t0, t1), ms(t1, t2), ms(t2, t3),
                ms(t3, t4), ms(t4, t5), grid.meters().size(), fromMemory ? "extended" : "read anew"));
        return new Step(queued.size(), detection.applied(), detection.ignored(), detection.momentary(),
                detection.outages().size(), queued.size() == BATCH || due.size() == BATCH);
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** Closes the outage as an operator: its meters still out count as back now. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean close(long outageId, String by) {
        long generation = store.lockDetection();
        OutageRows.Outage row = store.outage(outageId).orElse(null);
        if (row == null || OutageState.RESTORED.name().equals(row.state())) {
            return false;
        }
        OutagePolicy policy = policy(store.policy());
        Set<Long> members = new HashSet<>();
        store.members(List.of(outageId)).stream().filter(m -> m.onAt() == null)
                .forEach(m -> members.add(m.usagePointId()));
        GridPicture grid = picture(members);
        Outage outage = grid.outages().stream().filter(o -> o.id() == outageId).findFirst().orElseThrow();
        Instant now = Instant.now();
        save(new OutageDetector(policy).close(grid, outage, now, by), now, policy);
        store.advanceGeneration(generation);
        return true;
    }

    static OutagePolicy policy(OutageRows.Policy row) {
        return new OutagePolicy(row.transformerShare(), row.transformerMinMeters(), row.feederShare(),
                row.feederMinMeters(), Duration.ofSeconds(row.windowSeconds()), Duration.ofSeconds(row.momentarySeconds()),
                row.webhookUrl());
    }

    /** A picture of the usage points and everything on their feeders (an operator's close). */
    private GridPicture picture(Set<Long> usagePoints) {
        GridMemory once = new GridMemory();
        GridPicture grid = once.picture(0, Instant.now());
        extend(once, grid, usagePoints);
        return grid;
    }

    /**
     * Adds to the picture what it lacks for these usage points: those it has not seen, and for the
     * feeders it has not read yet every usage point on them that is not on, how many usage points
     * each of their transformers and the feeder serve, and their active outages with their members.
     */
    private void extend(GridMemory memory, GridPicture grid, Set<Long> usagePoints) {
        List<Long> unseen = new ArrayList<>();
        for (long id : usagePoints) {
            if (grid.meter(id) == null && !memory.offGrid().contains(id)) {
                unseen.add(id);
            }
        }
        if (unseen.isEmpty()) {
            return;
        }
        Set<String> feeders = new HashSet<>();
        Set<Long> found = new HashSet<>();
        for (OutageRows.Power row : store.powerOf(unseen)) {
            grid.meter(meterPower(memory, row));
            found.add(row.usagePointId());
            if (row.feeder() != null && !memory.feeders().contains(row.feeder())) {
                feeders.add(row.feeder());
            }
        }
        unseen.stream().filter(id -> !found.contains(id)).forEach(memory.offGrid()::add);
        if (feeders.isEmpty()) {
            return;
        }
        store.notOn(feeders).forEach(row -> grid.meter(meterPower(memory, row)));
        store.served(feeders).forEach((key, count) -> {
            int slash = key.indexOf('/');
            grid.served(slash < 0 ? Device.feeder(memory.name(key))
                    : new Device(memory.name(key.substring(0, slash)), memory.name(key.substring(slash + 1))),
                    count);
        });
        List<OutageRows.Outage> active = store.activeOn(feeders);
        Map<Long, Map<Long, Outage.Member>> members = new HashMap<>();
        for (OutageRows.Member member : store.members(active.stream().map(OutageRows.Outage::id).toList())) {
            members.computeIfAbsent(member.outageId(), id -> new java.util.LinkedHashMap<>()).put(member.usagePointId(),
                    new Outage.Member(member.usagePointId(), member.offAt(), member.onAt()));
        }
        for (OutageRows.Outage row : active) {
            grid.outage(new Outage(row.id(), new Device(memory.name(row.feeder()), memory.name(row.transformer())),
                    OutageState.valueOf(row.state()), row.startedAt(), row.detectedAt(), row.restoredAt(), row.served(),
                    members.getOrDefault(row.id(), Map.of()), row.parentId(), row.version()));
        }
        memory.feeders().addAll(feeders);
        grid.linkParents();
    }

    private static MeterPower meterPower(GridMemory memory, OutageRows.Power row) {
        return new MeterPower(row.usagePointId(), memory.name(row.feeder()), memory.name(row.transformer()),
                PowerState.valueOf(row.state()), row.offAt(), row.lastEventAt());
    }

    private void save(Detection detection, Instant now, OutagePolicy policy) {
        List<Outage> opened = detection.outages().stream().filter(outage -> outage.id() == null).toList();
        List<Long> ids = store.nextOutageIds(opened.size());
        for (int i = 0; i < opened.size(); i++) {
            opened.get(i).id(ids.get(i));
        }
        List<OutageRows.Outage> outages = new ArrayList<>();
        // Only the members that joined (inserted) or changed (updated) in this detection: a feeder
        // outage of 1 000 usage points is not written again for each step of a storm.
        List<OutageRows.Member> added = new ArrayList<>();
        List<OutageRows.Member> changed = new ArrayList<>();
        detection.outages().forEach(outage -> {
                    outages.add(new OutageRows.Outage(outage.id(), outage.level().name(), outage.device().feeder(),
                            outage.device().transformer(), outage.state().name(), outage.startedAt(),
                            outage.detectedAt(), outage.restoredAt(), now, outage.served(), outage.affected(),
                            outage.out(), outage.parentId(), outage.closedBy(), outage.version()));
                    outage.addedMembers().forEach(m -> added.add(new OutageRows.Member(outage.id(),
                            m.usagePointId(), m.offAt(), m.onAt())));
                    outage.changedMembers().forEach(m -> changed.add(new OutageRows.Member(outage.id(),
                            m.usagePointId(), m.offAt(), m.onAt())));
                });
        // Feeder outages first: a transformer outage's parent must exist.
        store.saveOutages(outages.stream().filter(o -> o.transformer() == null).toList());
        store.saveOutages(outages.stream().filter(o -> o.transformer() != null).toList());
        store.insertMembers(added);
        store.saveMembers(changed);
        // Only ended interruptions are stored: an open one is the usage point's power state (OUT since
        // its last gasp, written below; V21) — in a storm, one row fewer per usage point out.
        Map<String, OutageRows.Interruption> interruptions = new java.util.LinkedHashMap<>();
        detection.interruptions().stream().filter(i -> i.onAt() != null)
                .forEach(i -> interruptions.put(i.usagePointId() + "@" + i.offAt(), row(i)));
        store.saveInterruptions(List.copyOf(interruptions.values()));
        List<OutageRows.Power> addedPower = new ArrayList<>();
        List<OutageRows.Power> changedPower = new ArrayList<>();
        for (MeterPower m : detection.meters()) {
            (m.hasRow() ? changedPower : addedPower).add(new OutageRows.Power(m.usagePointId(), m.feeder(),
                    m.transformer(), m.state().name(), m.offAt(), m.lastEventAt(),
                    m.outage() == null ? null : m.outage().id()));
        }
        store.savePower(addedPower, changedPower, now);
        // The picture is kept for the next step only if this transaction commits (else it is forgotten).
        detection.meters().forEach(MeterPower::rowWritten);
        store.addNotices(detection.outages().stream().map(outage -> new OutageRows.NewNotice(outage.id(),
                outage.version(), outage.change() == Outage.Change.NONE ? "UPDATED" : outage.change().name(),
                OutageNotices.payload(outage, now))).toList(), policy.webhookUrl() != null, now);
    }

    private static OutageRows.Interruption row(Interruption interruption) {
        return new OutageRows.Interruption(interruption.usagePointId(), interruption.offAt(), interruption.onAt(),
                interruption.momentary());
    }
}
