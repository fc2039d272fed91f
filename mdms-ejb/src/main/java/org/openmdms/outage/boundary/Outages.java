package org.openmdms.outage.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.openmdms.admin.boundary.AuditTrail;
import org.openmdms.admin.boundary.Caller;
import org.openmdms.admin.entity.Role;
import org.openmdms.outage.control.OutagePolicy;
import org.openmdms.outage.store.OutageRows;
import org.openmdms.outage.store.OutageStore;

/**
 * What operators, analysts and other systems see of outages: the active ones, history, an outage
 * with its meters and notices, meters out behind a transformer, recent last gasps on a feeder, the
 * board's map; and what they do: close an outage, change the policy (administrators, audited).
 */
@Stateless
@RolesAllowed({Role.ANALYST, Role.ADMIN, Role.AUDITOR})
public class Outages {

    /** Usage points the board's map shows at most. */
    public static final int MAP_LIMIT = 20_000;

    @Inject
    OutageStore store;

    @Inject
    OutageDetection detection;

    @Inject
    OutagePublisher publisher;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext context;

    /** An outage with the transformer outages under it, its usage points and its notices. */
    public record Detail(OutageRows.Outage outage, List<OutageRows.Outage> children,
            List<OutageRows.MeterOnMap> meters, List<OutageRows.Notice> notices) implements Serializable {
    }

    /** How detection stands: events waiting, active outages. */
    public record Status(long queuedEvents, int activeOutages, int metersOut) implements Serializable {
    }

    public List<OutageRows.Outage> active() {
        return store.outages(true, null, null, 1000);
    }

    /** Outages that started in [from, to), newest first, at most {@code limit}. */
    public List<OutageRows.Outage> history(Instant from, Instant to, int limit) {
        return store.outages(false, from, to, limit);
    }

    public Optional<Detail> outage(long id) {
        return store.outage(id).map(outage -> new Detail(outage, store.children(id), store.membersOnMap(id),
                store.notices(id)));
    }

    public List<OutageRows.MeterOnMap> outBehind(String feeder, String transformer) {
        return store.outBehind(feeder, transformer);
    }

    /** Which meters of the feeder sent a last gasp in the last {@code minutes}. */
    public List<OutageRows.LastGasp> lastGasps(String feeder, int minutes) {
        return store.lastGasps(feeder, Instant.now().minus(Duration.ofMinutes(minutes)), 10_000);
    }

    /** The usage points of the feeders with active outages (or all that are out, when none), for the map. */
    public List<OutageRows.MeterOnMap> map() {
        TreeSet<String> feeders = new TreeSet<>();
        active().forEach(o -> feeders.add(o.feeder()));
        return store.onMap(feeders, MAP_LIMIT);
    }

    /**
     * The usage points of the outages with when each went off and came back (on_at null while out):
     * the board's map tells the members of an active outage that are back from those never out.
     */
    public List<OutageRows.Member> members(Collection<Long> outageIds) {
        return store.members(outageIds);
    }

    public Status status() {
        List<OutageRows.Outage> active = active();
        return new Status(store.queueLength(), active.size(),
                active.stream().filter(o -> o.parentId() == null).mapToInt(OutageRows.Outage::out).sum());
    }

    public OutageRows.Policy policy() {
        return store.policy();
    }

    /** Changes the policy; the next detection uses it. Refuses nonsense with the reason. */
    @RolesAllowed(Role.ADMIN)
    public OutageRows.Policy updatePolicy(OutagePolicy policy) {
        OutageRows.Policy before = store.policy();
        OutageRows.Policy after = new OutageRows.Policy(policy.transformerShare(), policy.transformerMinMeters(),
                policy.feederShare(), policy.feederMinMeters(), (int) policy.window().toSeconds(),
                (int) policy.momentary().toSeconds(), policy.webhookUrl(), Caller.name(context), Instant.now());
        store.updatePolicy(after);
        audit.record("outage-policy.change", "outage-policy", "default", state(before), state(after));
        return store.policy();
    }

    private static Map<String, Object> state(OutageRows.Policy policy) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("transformerShare", policy.transformerShare().stripTrailingZeros().toPlainString());
        state.put("transformerMinMeters", policy.transformerMinMeters());
        state.put("feederShare", policy.feederShare().stripTrailingZeros().toPlainString());
        state.put("feederMinMeters", policy.feederMinMeters());
        state.put("windowSeconds", policy.windowSeconds());
        state.put("momentarySeconds", policy.momentarySeconds());
        state.put("webhookUrl", policy.webhookUrl());
        return state;
    }

    /**
     * Closes an active outage whose meters did not all report power back (the crew restored it; some
     * meters are dead): they count as back now. False when there is no such active outage.
     */
    @RolesAllowed({Role.ANALYST, Role.ADMIN})
    public boolean close(long id) {
        String by = Caller.name(context);
        boolean closed = detection.close(id, by);
        if (closed) {
            audit.record("outage.close", "outage", Long.toString(id), null, Map.of("closedBy", by));
            publisher.wake();
        }
        return closed;
    }
}
