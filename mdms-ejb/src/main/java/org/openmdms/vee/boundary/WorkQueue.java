package org.openmdms.vee.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmdms.admin.boundary.AuditTrail;
import org.openmdms.admin.boundary.Caller;
import org.openmdms.admin.entity.Role;
import org.openmdms.meter.boundary.RegistryNotFound;
import org.openmdms.paging.Page;
import org.openmdms.paging.PageRequest;
import org.openmdms.vee.entity.VeeException;
import org.openmdms.vee.store.ExceptionQuery;
import org.openmdms.vee.store.RuleCount;
import org.openmdms.vee.store.VeeExceptionStore;

/**
 * The VEE exception work queue: analysts filter it, acknowledge, assign and resolve exceptions one by
 * one or in bulk (a selection, or everything a filter selects); auditors read it. Every change is
 * audited with before and after.
 */
@Stateless
@RolesAllowed({Role.ANALYST, Role.ADMIN})
public class WorkQueue {

    /** The most exceptions one bulk action changes. */
    public static final int MAX_BULK = 5_000;

    @Inject
    VeeExceptionStore exceptions;

    @Inject
    AuditTrail audit;

    @Inject
    org.openmdms.reading.store.PendingDayStore pending;

    /** The VEE backlog: channel days ingest queued that the worker has not judged yet. */
    @jakarta.annotation.security.PermitAll
    public long backlog() {
        return pending.count();
    }

    @Resource
    SessionContext context;

    @RolesAllowed({Role.ANALYST, Role.ADMIN, Role.AUDITOR})
    public Page<ExceptionView> search(ExceptionQuery query, PageRequest page) {
        return exceptions.search(query, page).map(ExceptionView::of);
    }

    @RolesAllowed({Role.ANALYST, Role.ADMIN, Role.AUDITOR})
    public List<RuleCount> counts(ExceptionQuery query) {
        return exceptions.counts(query);
    }

    /** Applies the action to one exception; {@code version} guards against someone else's change meanwhile. */
    public void apply(long id, Long version, QueueAction action) {
        VeeException e = exceptions.find(id).orElseThrow(() -> new RegistryNotFound("No exception " + id));
        if (version != null && version != e.version()) {
            throw new jakarta.persistence.OptimisticLockException("exception " + id + " changed meanwhile");
        }
        change(e, action, Instant.now());
    }

    /**
     * Applies the action to the given exceptions, or — when {@code ids} is empty — to every exception
     * the query selects (at most {@value #MAX_BULK}); returns how many changed. Resolved exceptions are
     * left as they are by acknowledge and assign.
     */
    public int applyToAll(List<Long> ids, ExceptionQuery query, QueueAction action) {
        List<Long> targets = ids == null || ids.isEmpty() ? exceptions.ids(query, MAX_BULK + 1) : ids;
        if (targets.size() > MAX_BULK) {
            throw new IllegalArgumentException("At most " + MAX_BULK + " exceptions at once: narrow the filter");
        }
        Instant now = Instant.now();
        int changed = 0;
        for (Long id : targets) {
            VeeException e = exceptions.find(id).orElseThrow(() -> new RegistryNotFound("No exception " + id));
            if (e.status() == org.openmdms.vee.entity.ExceptionStatus.RESOLVED
                    && action.kind() != QueueAction.Kind.RESOLVE) {
                continue;
            }
            change(e, action, now);
            changed++;
        }
        return changed;
    }

    private void change(VeeException e, QueueAction action, Instant now) {
        Map<String, Object> before = state(e);
        String by = Caller.name(context);
        switch (action.kind()) {
            case ACKNOWLEDGE -> e.acknowledge(by, now);
            case ASSIGN -> e.assign(action.assignee(), by, now);
            case RESOLVE -> e.resolve(action.note(), by, now);
            default -> throw new IllegalArgumentException(String.valueOf(action.kind()));
        }
        audit.record("vee-exception." + action.kind().name().toLowerCase(java.util.Locale.ROOT), "vee-exception",
                String.valueOf(e.id()), before, state(e));
    }

    private static Map<String, Object> state(VeeException e) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("rule", e.ruleId());
        state.put("channel", e.channelId());
        state.put("firstEnd", e.firstEnd().toString());
        state.put("status", e.status().name());
        state.put("assignee", e.assignee());
        state.put("note", e.note());
        return state;
    }
}
