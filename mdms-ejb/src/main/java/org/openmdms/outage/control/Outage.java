package org.openmdms.outage.control;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An outage of a transformer or a feeder and the usage points out in it, as the detector changes it.
 * Its state follows its members: all out → OPEN, some back → PARTIALLY_RESTORED, all back → RESTORED.
 */
public final class Outage {

    /** A usage point in the outage: out since {@code offAt}, back at {@code onAt} (null while out). */
    public record Member(long usagePointId, Instant offAt, Instant onAt) {

        public boolean isOut() {
            return onAt == null;
        }
    }

    /** What happened to an outage in one detection, as published. */
    public enum Change {
        NONE,
        OPENED,
        UPDATED,
        RESTORED
    }

    private Long id;
    private final Device device;
    private OutageState state;
    private final Instant startedAt;
    private final Instant detectedAt;
    private Instant restoredAt;
    private final int served;
    private final Map<Long, Member> members;
    private Outage parent;
    private Long parentId;
    private String closedBy;
    private int version;
    private Change change = Change.NONE;
    /** Usage points that joined in this detection (new rows) and members loaded that changed (updates). */
    private final Set<Long> added = new LinkedHashSet<>();
    private final Set<Long> modified = new LinkedHashSet<>();

    /** An outage as stored. */
    public Outage(long id, Device device, OutageState state, Instant startedAt, Instant detectedAt,
            Instant restoredAt, int served, Map<Long, Member> members, Long parentId, int version) {
        this.id = id;
        this.device = device;
        this.state = state;
        this.startedAt = startedAt;
        this.detectedAt = detectedAt;
        this.restoredAt = restoredAt;
        this.served = served;
        this.members = new LinkedHashMap<>(members);
        this.parentId = parentId;
        this.version = version;
    }

    private Outage(Device device, Instant startedAt, Instant detectedAt, int served) {
        this.device = device;
        this.state = OutageState.OPEN;
        this.startedAt = startedAt;
        this.detectedAt = detectedAt;
        this.served = served;
        this.members = new LinkedHashMap<>();
        this.version = 0;
        this.change = Change.OPENED;
    }

    static Outage open(Device device, Instant startedAt, Instant detectedAt, int served) {
        return new Outage(device, startedAt, detectedAt, served);
    }

    /** Null until stored. */
    public Long id() {
        return id;
    }

    /** Set by the store when it writes a new outage. */
    public void id(long id) {
        this.id = id;
    }

    public Device device() {
        return device;
    }

    public OutageLevel level() {
        return device.level();
    }

    public OutageState state() {
        return state;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant detectedAt() {
        return detectedAt;
    }

    public Instant restoredAt() {
        return restoredAt;
    }

    public int served() {
        return served;
    }

    public Map<Long, Member> members() {
        return Collections.unmodifiableMap(members);
    }

    public int affected() {
        return members.size();
    }

    public int out() {
        return (int) members.values().stream().filter(Member::isOut).count();
    }

    /** The feeder outage it is part of; null when none, or when only its id is known ({@link #parentId}). */
    public Outage parent() {
        return parent;
    }

    public Long parentId() {
        return parent != null ? parent.id() : parentId;
    }

    public String closedBy() {
        return closedBy;
    }

    /** 1 when opened, +1 with every published change. */
    public int version() {
        return version;
    }

    /** What this detection did to it. */
    public Change change() {
        return change;
    }

    void unchanged() {
        change = Change.NONE;
        added.clear();
        modified.clear();
    }

    /** The members that joined in this detection, as they are now (not stored yet). */
    public List<Member> addedMembers() {
        return added.stream().map(members::get).toList();
    }

    /** The members that were stored before and changed in this detection. */
    public List<Member> changedMembers() {
        return modified.stream().filter(id -> !added.contains(id)).map(members::get).toList();
    }

    boolean has(long usagePointId) {
        Member member = members.get(usagePointId);
        return member != null && member.isOut();
    }

    /** Adds the usage point as out since {@code offAt} (again, if it was back). */
    void join(long usagePointId, Instant offAt) {
        Member member = members.get(usagePointId);
        if (member == null || !member.isOut()) {
            members.put(usagePointId, new Member(usagePointId, offAt, null));
            (member == null ? added : modified).add(usagePointId);
            changed();
        }
    }

    /** The usage point is back at {@code onAt}. */
    void restore(long usagePointId, Instant onAt) {
        Member member = members.get(usagePointId);
        if (member != null && member.isOut()) {
            members.put(usagePointId, new Member(usagePointId, member.offAt(), onAt));
            modified.add(usagePointId);
            changed();
        }
    }

    /** Links the stored parent object (no change). */
    void linkStored(Outage parent) {
        this.parent = parent;
    }

    void parent(Outage parent) {
        if (this.parent != parent) {
            this.parent = parent;
            changed();
        }
    }

    /** An operator closed it: the usage points still out count as back at {@code at}. */
    void close(Instant at, String by) {
        members.replaceAll((id, member) -> {
            if (!member.isOut()) {
                return member;
            }
            modified.add(id);
            return new Member(id, member.offAt(), at);
        });
        closedBy = by;
        changed();
        settle();
    }

    private void changed() {
        if (change == Change.NONE) {
            change = Change.UPDATED;
        }
    }

    /** Works out the state from the members and the version from the change. */
    void settle() {
        if (change == Change.NONE) {
            return;
        }
        int out = out();
        OutageState next = out == 0 ? OutageState.RESTORED
                : out < members.size() ? OutageState.PARTIALLY_RESTORED : OutageState.OPEN;
        if (next == OutageState.RESTORED) {
            restoredAt = members.values().stream().map(Member::onAt).max(Instant::compareTo).orElse(detectedAt);
            if (change != Change.OPENED) {
                change = Change.RESTORED;
            }
        }
        state = next;
        version++;
    }
}
