package org.openmdms.reading.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.openmdms.admin.entity.Role;
import org.openmdms.meter.boundary.RegistryNotFound;
import org.openmdms.meter.control.RowError;
import org.openmdms.meter.entity.Channel;
import org.openmdms.meter.entity.Meter;
import org.openmdms.meter.entity.UsagePoint;
import org.openmdms.meter.store.MeterStore;
import org.openmdms.meter.store.UsagePointStore;
import org.openmdms.paging.Page;
import org.openmdms.paging.PageRequest;
import org.openmdms.reading.store.DailyReading;
import org.openmdms.reading.store.IntervalStore;
import org.openmdms.reading.store.IntervalVersion;
import org.openmdms.reading.store.MeterEventStore;
import org.openmdms.reading.store.ReadingImportStore;
import org.openmdms.reading.store.RegisterReadStore;
import org.openmdms.reading.store.StoredEvent;

/**
 * Reading what is stored: a channel's interval reads and daily totals, an interval's history, a
 * register channel's reads, the events at a usage point or of a meter, the import history.
 */
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
    RegisterReadStore registers;

    @Inject
    MeterEventStore events;

    @Inject
    MeterStore meters;

    @Inject
    ReadingImportStore imports;

    /** The longest range of register reads or events one request may read: they are sparse. */
    public static final Duration MAX_SPARSE_RANGE = Duration.ofDays(366);

    /** The most events one request returns. */
    public static final int MAX_EVENTS = 5_000;

    public ChannelReads reads(String usagePointCode, long channelId, Instant from, Instant to) {
        checkRange(from, to, MAX_RANGE);
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

    /** The register channel's reads in [from, to), at most {@link #MAX_SPARSE_RANGE}. */
    public ChannelRegisters registers(String usagePointCode, long channelId, Instant from, Instant to) {
        checkRange(from, to, MAX_SPARSE_RANGE);
        UsagePoint up = usagePoint(usagePointCode);
        Channel channel = channel(up, channelId);
        if (!channel.readingType().isRegister()) {
            throw new IllegalArgumentException("Channel " + channelId + " (" + channel.readingType().label()
                    + ") is an interval channel: its values are under /reads");
        }
        return new ChannelRegisters(up.code(), channelId, channel.readingType().label(), up.timeZone().getId(),
                registers.reads(channelId, from, to));
    }

    /** Events at the usage point (of whichever meter served it then) in [from, to). */
    public MeterEvents eventsAt(String usagePointCode, Instant from, Instant to) {
        checkRange(from, to, MAX_SPARSE_RANGE);
        UsagePoint up = usagePoint(usagePointCode);
        List<StoredEvent> found = events.ofUsagePoint(up.id(), from, to, MAX_EVENTS + 1);
        return new MeterEvents(up.code(), null, up.timeZone().getId(), first(found), found.size() > MAX_EVENTS);
    }

    /** Events of the meter in [from, to), wherever it was installed (or not). */
    public MeterEvents eventsOf(String serialNumber, Instant from, Instant to) {
        checkRange(from, to, MAX_SPARSE_RANGE);
        Meter meter = meter(serialNumber);
        List<StoredEvent> found = events.ofMeter(meter.id(), from, to, MAX_EVENTS + 1);
        return new MeterEvents(null, meter.serialNumber(), null, first(found), found.size() > MAX_EVENTS);
    }

    /** When the latest event at the usage point occurred, if any did. */
    public Optional<Instant> latestEventAt(String usagePointCode) {
        return events.latestAtUsagePoint(usagePoint(usagePointCode).id());
    }

    /** When the meter's latest event occurred, if any did. */
    public Optional<Instant> latestEventOf(String serialNumber) {
        return events.latestOfMeter(meter(serialNumber).id());
    }

    public Page<ReadingImportView> imports(PageRequest page) {
        return imports.recent(page).map(i -> ReadingImportView.of(i, List.of()));
    }

    /** How many of the import's refused records can be reprocessed (kept whole, not reprocessed yet). */
    public long reprocessableCount(long importId) {
        return imports.countReprocessable(importId);
    }

    public ReadingImportView importRecord(long id) {
        return ReadingImportView.of(imports.find(id).orElseThrow(() -> new RegistryNotFound("No import " + id)),
                imports.rejects(id, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
                        .map(r -> new RowError(r.line(), r.reason())).toList());
    }

    private static void checkRange(Instant from, Instant to, Duration longest) {
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(longest) > 0) {
            throw new IllegalArgumentException("The range must be positive and at most " + longest.toDays() + " days");
        }
    }

    private static List<StoredEvent> first(List<StoredEvent> found) {
        return found.size() > MAX_EVENTS ? List.copyOf(found.subList(0, MAX_EVENTS)) : found;
    }

    private Meter meter(String serialNumber) {
        return meters.findBySerialNumber(serialNumber)
                .orElseThrow(() -> new RegistryNotFound("No meter " + serialNumber));
    }

    private UsagePoint usagePoint(String code) {
        return usagePoints.findByCode(code).orElseThrow(() -> new RegistryNotFound("No usage point " + code));
    }

    private static Channel channel(UsagePoint up, long channelId) {
        return up.channels().stream().filter(c -> c.id() == channelId).findFirst()
                .orElseThrow(() -> new RegistryNotFound("Usage point " + up.code() + " has no channel " + channelId));
    }
}
