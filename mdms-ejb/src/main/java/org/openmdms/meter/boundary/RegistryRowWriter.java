package org.openmdms.meter.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openmdms.admin.boundary.AuditTrail;
import org.openmdms.admin.entity.Role;
import org.openmdms.meter.control.RegistryRow;
import org.openmdms.meter.entity.Channel;
import org.openmdms.meter.entity.Meter;
import org.openmdms.meter.entity.MeterInstallation;
import org.openmdms.meter.entity.ReadingType;
import org.openmdms.meter.entity.RegistryRuleViolation;
import org.openmdms.meter.entity.UsagePoint;
import org.openmdms.meter.store.MeterStore;
import org.openmdms.meter.store.UsagePointStore;

/**
 * Applies registry rows in one transaction of their own: all of them, or none when any fails (the
 * import then retries the rows one by one to find the bad one). A row states what is true now, so
 * applying it twice changes nothing the second time.
 */
@Stateless
@RolesAllowed(Role.ADMIN)
public class RegistryRowWriter {

    /** What applying a row did. */
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    @Inject
    org.openmdms.billing.store.AccountHistoryStore accounts;

    @Inject
    MeterStore meters;

    @Inject
    UsagePointStore usagePoints;

    @Inject
    AuditTrail audit;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Outcome> apply(List<RegistryRow> rows) {
        // Two queries for the whole chunk, not two per row: the rows then work on these maps.
        Map<String, UsagePoint> knownUsagePoints = usagePoints.findByCodes(
                rows.stream().map(r -> r.usagePoint().code()).collect(Collectors.toSet()));
        Map<String, Meter> knownMeters = meters.findBySerialNumbers(rows.stream().filter(r -> r.meter() != null)
                .map(r -> r.meter().serialNumber()).collect(Collectors.toSet()));
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        for (RegistryRow row : rows) {
            outcomes.add(apply(row, knownUsagePoints, knownMeters));
        }
        return outcomes;
    }

    private Outcome apply(RegistryRow row, Map<String, UsagePoint> knownUsagePoints, Map<String, Meter> knownMeters) {
        boolean created = false;
        boolean changed = false;
        String code = row.usagePoint().code();
        UsagePoint up = knownUsagePoints.get(code);
        if (up == null) {
            up = row.usagePoint().newUsagePoint();
            usagePoints.add(up);
            knownUsagePoints.put(code, up);
            audit.record("CREATE", MeterRegistry.USAGE_POINT, code, null, up.auditState());
            created = true;
        } else {
            Map<String, Object> before = up.auditState();
            String account = up.accountId();
            row.usagePointOver(up).applyTo(up);
            AccountMoves.record(accounts, up, account, java.time.Instant.now());
            changed |= recordIfChanged(MeterRegistry.USAGE_POINT, code, before, up.auditState());
        }
        for (ChannelData data : row.channels()) {
            ReadingType type = new ReadingType(data.unit(), data.intervalMinutes(), data.flowDirection());
            if (up.channel(type).isEmpty()) {
                Channel channel = up.addChannel(type, data.multiplier() == null ? java.math.BigDecimal.ONE
                        : data.multiplier());
                audit.record("ADD_CHANNEL", MeterRegistry.USAGE_POINT, code, null, channel.auditState());
                changed = true;
            }
        }
        if (row.meter() != null) {
            changed |= installMeter(row, up, knownMeters);
        }
        return created ? Outcome.CREATED : changed ? Outcome.UPDATED : Outcome.UNCHANGED;
    }

    private boolean installMeter(RegistryRow row, UsagePoint up, Map<String, Meter> knownMeters) {
        boolean changed = false;
        String serial = row.meter().serialNumber();
        Meter meter = knownMeters.get(serial);
        if (meter == null) {
            meter = row.meter().newMeter();
            meters.add(meter);
            knownMeters.put(serial, meter);
            audit.record("CREATE", MeterRegistry.METER, serial, null, meter.auditState());
            changed = true;
        } else {
            Map<String, Object> before = meter.auditState();
            row.meterOver(meter).applyTo(meter);
            changed |= recordIfChanged(MeterRegistry.METER, serial, before, meter.auditState());
        }
        MeterInstallation current = up.currentInstallation().orElse(null);
        if (current != null && current.meter() == meter) {
            return changed;
        }
        if (row.installedFrom() == null) {
            throw new RegistryRuleViolation("installed_from is required to install meter " + serial + " at "
                    + up.code());
        }
        if (current == null) {
            MeterInstallation installed = up.install(meter, row.installedFrom());
            audit.record("INSTALL", MeterRegistry.USAGE_POINT, up.code(), null, installed.auditState());
        } else {
            Map<String, Object> before = current.auditState();
            MeterInstallation installed = up.exchange(meter, row.installedFrom());
            audit.record("EXCHANGE", MeterRegistry.USAGE_POINT, up.code(), before, installed.auditState());
        }
        return true;
    }

    private boolean recordIfChanged(String type, String key, Map<String, Object> before, Map<String, Object> after) {
        if (before.equals(after)) {
            return false;
        }
        audit.record("UPDATE", type, key, before, after);
        return true;
    }
}
