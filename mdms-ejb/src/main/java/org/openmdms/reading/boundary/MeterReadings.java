package org.openmdms.reading.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.openmdms.admin.entity.Role;
import org.openmdms.meter.boundary.RegistryNotFound;
import org.openmdms.meter.control.RowError;
import org.openmdms.meter.entity.Channel;
import org.openmdms.meter.entity.UsagePoint;
import org.openmdms.meter.store.UsagePointStore;
import org.openmdms.paging.Page;
import org.openmdms.paging.PageRequest;
import org.openmdms.reading.store.DailyReading;
import org.openmdms.reading.store.IntervalStore;
import org.openmdms.reading.store.IntervalVersion;
import org.openmdms.reading.store.ReadingImportStore;

/** Reading what is stored: a channel's reads and daily totals, an interval's history, the import history. */
@Stateless
@RolesAllowed({Role.ANALYST, Role.AUDITOR, Role.ADMIN})
public class MeterReadings {

    /** The longest range one request may read (a 15-minute channel: about 6 000 values). */
    public static final Duration MAX_RANGE = Duration.ofDays(62);

    @Inject
    UsagePointStore usagePoints;

    @Inject
    IntervalStore store;

    @Inject
    ReadingImportStore imports;

    public ChannelReads reads(String usagePointCode, long channelId, Instant from, Instant to) {
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new IllegalArgumentException("The range must be positive and at most " + MAX_RANGE.toDays() + " days");
        }
        UsagePoint up = usagePoint(usagePointCode);
        Channel channel = channel(up, channelId);
        return new ChannelReads(up.code(), channelId, channel.readingType().label(), up.timeZone().getId(),
                store.reads(channelId, from, to));
    }

    public List<IntervalVersion> history(String usagePointCode, long channelId, Instant intervalEnd) {
        channel(usagePoint(usagePointCode), channelId);
        return store.history(channelId, intervalEnd);
    }

    public List<DailyReading> daily(String usagePointCode, long channelId, LocalDate from, LocalDate to) {
        channel(usagePoint(usagePointCode), channelId);
        return store.daily(channelId, from, to);
    }

    public Page<ReadingImportView> imports(PageRequest page) {
        return imports.recent(page).map(i -> ReadingImportView.of(i, List.of()));
    }

    public ReadingImportView importRecord(long id) {
        return ReadingImportView.of(imports.find(id).orElseThrow(() -> new RegistryNotFound("No import " + id)),
                imports.rejects(id, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
                        .map(r -> new RowError(r.line(), r.reason())).toList());
    }

    private UsagePoint usagePoint(String code) {
        return usagePoints.findByCode(code).orElseThrow(() -> new RegistryNotFound("No usage point " + code));
    }

    private static Channel channel(UsagePoint up, long channelId) {
        return up.channels().stream().filter(c -> c.id() == channelId).findFirst()
                .orElseThrow(() -> new RegistryNotFound("Usage point " + up.code() + " has no channel " + channelId));
    }
}
