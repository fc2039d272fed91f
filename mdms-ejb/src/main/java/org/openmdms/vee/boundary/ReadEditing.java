package org.openmdms.vee.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openmdms.admin.boundary.AuditTrail;
import org.openmdms.admin.boundary.Caller;
import org.openmdms.admin.entity.Role;
import org.openmdms.meter.boundary.RegistryNotFound;
import org.openmdms.meter.entity.Channel;
import org.openmdms.meter.entity.UsagePoint;
import org.openmdms.meter.store.UsagePointStore;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;
import org.openmdms.reading.store.ChannelClock;
import org.openmdms.reading.store.IntervalRow;
import org.openmdms.reading.store.IntervalStore;
import org.openmdms.reading.store.PendingDayStore;
import org.openmdms.reading.store.StoredInterval;
import org.openmdms.reading.store.WriteResult;
import org.openmdms.vee.control.EditReason;
import org.openmdms.vee.entity.ExceptionStatus;
import org.openmdms.vee.store.VeeExceptionStore;

/**
 * Analysts' edits of interval reads, with a reason code: set values, interpolate a range between its
 * neighbours, or accept an exception as is. An edit is a new version of each interval (source EDITED;
 * the value it replaces moves to the history), stays current over later automatic data, is audited
 * with who, when, why, before and after (auditors read it), closes the exception it answers, and
 * queues the days for VEE to judge again.
 */
@Stateless
@RolesAllowed({Role.ANALYST, Role.ADMIN})
public class ReadEditing {

    /** The most intervals one edit changes (two days of quarter-hours). */
    public static final int MAX_INTERVALS = 200;

    @Inject
    UsagePointStore usagePoints;

    @Inject
    IntervalStore intervals;

    @Inject
    PendingDayStore pendingDays;

    @Inject
    org.openmdms.reading.boundary.IntervalPartitions partitions;

    @Inject
    VeeExceptionStore exceptions;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext context;

    /** Sets the values; returns how many intervals changed. */
    public int edit(String usagePointCode, long channelId, List<EditedValue> values, EditReason reason, String comment,
            Long exceptionId) {
        requireReason(reason, comment);
        if (values == null || values.isEmpty() || values.size() > MAX_INTERVALS) {
            throw new IllegalArgumentException("Edit 1 to " + MAX_INTERVALS + " intervals at once");
        }
        UsagePoint up = usagePoint(usagePointCode);
        Channel channel = intervalChannel(up, channelId);
        ChannelClock clock = new ChannelClock(up.timeZone(), channel.readingType().intervalMinutes());
        Map<Instant, BigDecimal> byEnd = new TreeMap<>();
        for (EditedValue value : values) {
            if (value.intervalEnd() == null || value.value() == null) {
                throw new IllegalArgumentException("Every edited interval needs its end and a value");
            }
            Instant dayFirstEnd = clock.firstEndOf(clock.localDayOf(value.intervalEnd()));
            if (Duration.between(dayFirstEnd, value.intervalEnd()).toSeconds() % (60L * clock.intervalMinutes()) != 0) {
                throw new IllegalArgumentException(value.intervalEnd() + " is not the end of a "
                        + clock.intervalMinutes() + "-minute interval of this channel");
            }
            byEnd.put(value.intervalEnd(), value.value().setScale(Math.min(6, Math.max(0, value.value().scale())),
                    RoundingMode.HALF_UP));
        }
        return write(up, channel, clock, byEnd, reason, comment, exceptionId, "reading.edit");
    }

    /**
     * Replaces the intervals with ends in [firstEnd, lastEnd] by a straight line between the stored
     * values just before and just after the range (both needed); returns how many intervals changed.
     */
    public int interpolate(String usagePointCode, long channelId, Instant firstEnd, Instant lastEnd, EditReason reason,
            String comment, Long exceptionId) {
        requireReason(reason, comment);
        UsagePoint up = usagePoint(usagePointCode);
        Channel channel = intervalChannel(up, channelId);
        ChannelClock clock = new ChannelClock(up.timeZone(), channel.readingType().intervalMinutes());
        Duration step = Duration.ofMinutes(clock.intervalMinutes());
        if (firstEnd == null || lastEnd == null || lastEnd.isBefore(firstEnd)
                || Duration.between(firstEnd, lastEnd).dividedBy(step) + 1 > MAX_INTERVALS) {
            throw new IllegalArgumentException("Give a range of 1 to " + MAX_INTERVALS + " intervals");
        }
        partitions.prepare(firstEnd.minus(step), lastEnd.plus(step));
        Map<Instant, StoredInterval> stored = new TreeMap<>();
        intervals.reads(channelId, firstEnd.minus(step), lastEnd.plus(step).plusSeconds(1))
                .forEach(r -> stored.put(r.intervalEnd(), r));
        StoredInterval before = stored.get(firstEnd.minus(step));
        StoredInterval after = stored.get(lastEnd.plus(step));
        if (before == null || after == null) {
            throw new IllegalArgumentException("Interpolation needs stored values just before and just after the range");
        }
        long n = Duration.between(firstEnd, lastEnd).dividedBy(step) + 2;
        BigDecimal slope = after.value().subtract(before.value()).divide(BigDecimal.valueOf(n), 12, RoundingMode.HALF_UP);
        Map<Instant, BigDecimal> byEnd = new TreeMap<>();
        int i = 1;
        for (Instant end = firstEnd; !end.isAfter(lastEnd); end = end.plus(step), i++) {
            byEnd.put(end, before.value().add(slope.multiply(BigDecimal.valueOf(i))).setScale(6, RoundingMode.HALF_UP)
                    .stripTrailingZeros());
        }
        return write(up, channel, clock, byEnd, reason, comment, exceptionId, "reading.interpolate");
    }

    private int write(UsagePoint up, Channel channel, ChannelClock clock, Map<Instant, BigDecimal> byEnd,
            EditReason reason, String comment, Long exceptionId, String action) {
        Instant first = byEnd.keySet().iterator().next();
        Instant last = ((TreeMap<Instant, BigDecimal>) byEnd).lastKey();
        partitions.prepare(first, last);
        Map<Instant, StoredInterval> before = new TreeMap<>();
        intervals.reads(channel.id(), first, last.plusSeconds(1)).forEach(r -> before.put(r.intervalEnd(), r));
        List<IntervalRow> rows = new ArrayList<>();
        List<Map<String, Object>> was = new ArrayList<>();
        List<Map<String, Object>> now = new ArrayList<>();
        byEnd.forEach((end, value) -> {
            rows.add(new IntervalRow(channel.id(), end, value, Quality.VALID, ReadSource.EDITED));
            StoredInterval old = before.get(end);
            was.add(interval(end, old == null ? null : old.value(), old == null ? "missing" : old.source().name()));
            now.add(interval(end, value, ReadSource.EDITED.name()));
        });
        WriteResult written = intervals.write(rows, Map.of(channel.id(), clock), null);
        Set<java.time.LocalDate> days = new TreeSet<>();
        byEnd.keySet().forEach(end -> days.add(clock.localDayOf(end)));
        pendingDays.queue(Map.of(channel.id(), days));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("reason", reason.name());
        after.put("comment", comment);
        after.put("intervals", now);
        audit.record(action, "channel", up.code() + "/" + channel.id(), Map.of("intervals", was), after);
        if (exceptionId != null) {
            answer(exceptionId, channel.id(), first, last, "edited (" + reason.name()
                    + (comment == null || comment.isBlank() ? "" : ": " + comment.strip()) + ")");
        }
        return (int) written.stored();
    }

    /**
     * Resolves the exception the edit answers — when the edit touched its intervals; an edit of other
     * intervals of the channel leaves it open. It must be about the edited channel.
     */
    private void answer(long exceptionId, long channelId, Instant firstEdited, Instant lastEdited, String how) {
        var exception = exceptions.find(exceptionId)
                .orElseThrow(() -> new RegistryNotFound("No exception " + exceptionId));
        if (exception.channelId() != channelId) {
            throw new IllegalArgumentException("Exception " + exceptionId + " is about another channel");
        }
        boolean touched = !lastEdited.isBefore(exception.firstEnd()) && !firstEdited.isAfter(exception.lastEnd());
        if (touched && exception.status() != ExceptionStatus.RESOLVED) {
            exception.resolve(how, Caller.name(context), Instant.now());
        }
    }

    private static Map<String, Object> interval(Instant end, BigDecimal value, String source) {
        Map<String, Object> interval = new LinkedHashMap<>();
        interval.put("end", end.toString());
        interval.put("value", value == null ? null : value.toPlainString());
        interval.put("source", source);
        return interval;
    }

    private static void requireReason(EditReason reason, String comment) {
        if (reason == null) {
            throw new IllegalArgumentException("An edit needs a reason code: " + java.util.Arrays.toString(EditReason.values()));
        }
        if (reason == EditReason.OTHER && (comment == null || comment.isBlank())) {
            throw new IllegalArgumentException("Reason OTHER needs a comment saying why");
        }
    }

    private UsagePoint usagePoint(String code) {
        return usagePoints.findByCode(code).orElseThrow(() -> new RegistryNotFound("No usage point " + code));
    }

    private static Channel intervalChannel(UsagePoint up, long channelId) {
        Channel channel = up.channels().stream().filter(c -> c.id() == channelId).findFirst()
                .orElseThrow(() -> new RegistryNotFound("Usage point " + up.code() + " has no channel " + channelId));
        if (channel.readingType().isRegister()) {
            throw new IllegalArgumentException("Channel " + channelId + " is a register: only interval reads are edited");
        }
        return channel;
    }
}
