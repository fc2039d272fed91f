package org.openmdms.export.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.openmdms.admin.entity.Role;
import org.openmdms.export.control.GreenButtonWriter;
import org.openmdms.meter.boundary.RegistryNotFound;
import org.openmdms.meter.entity.Channel;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.Unit;
import org.openmdms.meter.entity.UsagePoint;
import org.openmdms.meter.store.UsagePointStore;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;
import org.openmdms.reading.store.DailyReading;
import org.openmdms.reading.store.IntervalStore;
import org.openmdms.reading.store.StoredInterval;

/**
 * The Green Button (ESPI) download of one usage point: its interval channels' reads for local days
 * [from, to) in the usage point's zone, written by {@link GreenButtonWriter}. The usage summary is
 * that of the delivered kWh channel: the range's consumption and that of the equally long range just
 * before it (from the daily totals).
 */
@Stateless
@RolesAllowed({Role.ANALYST, Role.AUDITOR, Role.ADMIN})
public class GreenButtonExport {

    /** The longest range one download may cover. */
    public static final int MAX_DAYS = 366;

    @Inject
    UsagePointStore usagePoints;

    @Inject
    IntervalStore store;

    /**
     * Checks the request before anything is streamed and names the file.
     *
     * @throws RegistryNotFound for an unknown usage point
     * @throws IllegalArgumentException for a range that is empty, reversed or too long
     */
    public String fileName(String usagePointCode, LocalDate from, LocalDate to) {
        checkRange(from, to);
        usagePoint(usagePointCode);
        return "greenbutton-" + usagePointCode.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + from + "-" + to + ".xml";
    }

    public void write(String usagePointCode, LocalDate from, LocalDate to, OutputStream out) {
        checkRange(from, to);
        UsagePoint up = usagePoint(usagePointCode);
        ZoneId zone = up.timeZone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.atStartOfDay(zone).toInstant();
        Instant now = Clock.systemUTC().instant();
        try (GreenButtonWriter writer = new GreenButtonWriter(out, now)) {
            writer.begin(up.code(), up.commodity(), zone, from, to);
            Channel energy = null;
            List<StoredInterval> energyReads = List.of();
            for (Channel channel : up.channels()) {
                if (channel.readingType().isRegister()) {
                    continue;
                }
                // an interval belongs to the day it starts in: ends in (start, end]
                List<StoredInterval> reads = store.reads(channel.id(), start.plusSeconds(1), end.plusSeconds(1));
                writer.meterReading(channel.id(), channel.readingType(), up.commodity(), reads);
                if (energy == null && up.commodity() == Commodity.ELECTRIC && channel.readingType().unit() == Unit.KWH
                        && channel.readingType().flowDirection() == FlowDirection.DELIVERED && !reads.isEmpty()) {
                    energy = channel;
                    energyReads = reads;
                }
            }
            if (energy != null) {
                BigDecimal total = BigDecimal.ZERO;
                boolean allActual = true;
                for (StoredInterval read : energyReads) {
                    total = total.add(read.value());
                    allActual &= read.source() == ReadSource.ACTUAL && read.quality() == Quality.VALID;
                }
                long days = ChronoUnit.DAYS.between(from, to);
                BigDecimal previous = store.daily(energy.id(), from.minusDays(days), from).stream()
                        .map(DailyReading::total).reduce(BigDecimal.ZERO, BigDecimal::add);
                writer.usageSummary(start, end, total, energyReads.get(energyReads.size() - 1).intervalEnd(), previous,
                        GreenButtonWriter.summaryQuality(allActual), now);
            }
            writer.end();
        }
    }

    private UsagePoint usagePoint(String code) {
        return usagePoints.findByCode(code).orElseThrow(() -> new RegistryNotFound("No usage point " + code));
    }

    static void checkRange(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new IllegalArgumentException("from and to (local days, to exclusive) are required, e.g. from=2013-03-01&to=2013-04-01");
        }
        long days = ChronoUnit.DAYS.between(from, to);
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("The range [from, to) must hold 1 to " + MAX_DAYS + " days");
        }
    }
}
