package org.openmdms.export.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.openmdms.admin.entity.Role;
import org.openmdms.config.Settings;
import org.openmdms.meter.boundary.RegistryNotFound;
import org.openmdms.meter.entity.Channel;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.MeterInstallation;
import org.openmdms.meter.entity.UsagePoint;
import org.openmdms.meter.store.UsagePointStore;
import org.openmdms.reading.control.CmepWriter;
import org.openmdms.reading.control.MeterIntervalRead;
import org.openmdms.reading.store.IntervalStore;
import org.openmdms.reading.store.StoredInterval;

/**
 * The CMEP MEPMD01 export of interval reads: the delivered interval channels of a set of usage
 * points for local days [from, to) of each usage point's zone, in the layout the CMEP import reads
 * ({@link CmepWriter}; local times in the importer's zone {@code mdms.cmep.zone}), so that importing
 * the export changes nothing. Each read names the meter installed at the usage point when its
 * interval started — the meter the importer maps it back through.
 */
@Stateless
@RolesAllowed({Role.ANALYST, Role.AUDITOR, Role.ADMIN})
public class CmepExport {

    public static final int MAX_USAGE_POINTS = 1_000;
    public static final String SENDER = "OPENMDMS";

    @Inject
    UsagePointStore usagePoints;

    @Inject
    IntervalStore store;

    /** What an export will leave out, known before it is streamed. */
    public record Plan(String fileName, List<String> skippedChannels) {
    }

    /**
     * Checks the request and names what CMEP cannot carry: channels other than delivered interval
     * channels (CMEP has no flow direction; register channels are not exported).
     *
     * @throws RegistryNotFound for an unknown usage point
     * @throws IllegalArgumentException for an empty list or a bad range
     */
    public Plan plan(List<String> codes, LocalDate from, LocalDate to) {
        GreenButtonExport.checkRange(from, to);
        List<String> skipped = new ArrayList<>();
        for (UsagePoint up : usagePoints(codes)) {
            for (Channel channel : up.channels()) {
                if (!exported(channel)) {
                    skipped.add(up.code() + ":" + channel.id());
                }
            }
        }
        return new Plan("cmep-" + from + "-" + to + ".csv", skipped);
    }

    public void write(List<String> codes, LocalDate from, LocalDate to, Writer out) {
        write(codes, from, to, out, Clock.systemUTC().instant());
    }

    /**
     * Writes the usage points' reads with {@code createdAt} as the records' time stamp (one file
     * written batch by batch keeps one time stamp); returns the number of reads written.
     */
    public long write(List<String> codes, LocalDate from, LocalDate to, Writer out, Instant createdAt) {
        GreenButtonExport.checkRange(from, to);
        CmepWriter cmep = new CmepWriter(out, Settings.cmepZone(), SENDER, null, createdAt);
        long written = 0;
        for (UsagePoint up : usagePoints(codes)) {
            Instant start = from.atStartOfDay(up.timeZone()).toInstant();
            Instant end = to.atStartOfDay(up.timeZone()).toInstant();
            for (Channel channel : up.channels()) {
                if (!exported(channel)) {
                    continue;
                }
                int minutes = channel.readingType().intervalMinutes();
                // an interval belongs to the day it starts in: ends in (start, end]
                for (StoredInterval read : store.reads(channel.id(), start.plusSeconds(1), end.plusSeconds(1))) {
                    Optional<MeterInstallation> installed = up.installationAt(read.intervalEnd().minusSeconds(60L * minutes));
                    if (installed.isEmpty()) {
                        continue; // no meter to name; the import stores no read without one
                    }
                    cmep.write(new MeterIntervalRead(0, installed.get().meter().serialNumber(),
                            channel.readingType().unit(), minutes, FlowDirection.DELIVERED, read.intervalEnd(), read.value(),
                            read.quality(), read.source()));
                    written++;
                }
            }
        }
        cmep.flush();
        return written;
    }

    /** A batch of usage point codes in code order after {@code after} (null: the first batch), for exports of all of them. */
    public List<String> usagePointCodes(String after, int limit) {
        return usagePoints.codesAfter(after, Math.min(limit, MAX_USAGE_POINTS));
    }

    private static boolean exported(Channel channel) {
        return !channel.readingType().isRegister() && channel.readingType().flowDirection() == FlowDirection.DELIVERED;
    }

    private List<UsagePoint> usagePoints(List<String> codes) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String code : codes == null ? List.<String>of() : codes) {
            if (code != null && !code.isBlank()) {
                distinct.add(code.strip());
            }
        }
        if (distinct.isEmpty() || distinct.size() > MAX_USAGE_POINTS) {
            throw new IllegalArgumentException("Give 1 to " + MAX_USAGE_POINTS + " usage points, e.g. usagePoints=A,B");
        }
        List<UsagePoint> found = new ArrayList<>();
        for (String code : distinct) {
            found.add(usagePoints.findByCode(code).orElseThrow(() -> new RegistryNotFound("No usage point " + code)));
        }
        return found;
    }
}
