package org.openmdms.meter.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmdms.admin.boundary.AuditTrail;
import org.openmdms.admin.entity.Role;
import org.openmdms.meter.entity.Channel;
import org.openmdms.meter.entity.Meter;
import org.openmdms.meter.entity.MeterInstallation;
import org.openmdms.meter.entity.ReadingType;
import org.openmdms.meter.entity.RegistryRuleViolation;
import org.openmdms.meter.entity.UsagePoint;
import org.openmdms.meter.store.MeterQuery;
import org.openmdms.meter.store.MeterStore;
import org.openmdms.meter.store.MeterSummary;
import org.openmdms.meter.store.RegistryHit;
import org.openmdms.meter.store.UsagePointQuery;
import org.openmdms.meter.store.UsagePointStore;
import org.openmdms.meter.store.UsagePointSummary;
import org.openmdms.paging.Page;
import org.openmdms.paging.PageRequest;

/**
 * The meter registry: meters, usage points, installation history and channels. Everyone signed in
 * may read it; only administrators change it, and every change is audited in the same transaction.
 */
@Stateless
@RolesAllowed({Role.ANALYST, Role.AUDITOR, Role.ADMIN})
public class MeterRegistry {

    public static final String METER = "METER";
    public static final String USAGE_POINT = "USAGE_POINT";

    @Inject
    org.openmdms.billing.store.AccountHistoryStore accounts;

    @Inject
    MeterStore meters;

    @Inject
    UsagePointStore usagePoints;

    @Inject
    AuditTrail audit;

    public Page<MeterSummary> searchMeters(MeterQuery query, PageRequest page) {
        return meters.search(query, page);
    }

    public Page<UsagePointSummary> searchUsagePoints(UsagePointQuery query, PageRequest page) {
        return usagePoints.search(query, page);
    }

    public Optional<MeterView> meter(String serialNumber) {
        return meters.findBySerialNumber(serialNumber).map(MeterView::of);
    }

    public Optional<UsagePointView> usagePoint(String code) {
        return usagePoints.findByCode(code).map(UsagePointView::of);
    }

    /** The header search box: meters by serial, usage points by code, account or address. */
    public List<RegistryHit> find(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<RegistryHit> hits = new ArrayList<>(meters.hits(text, limit));
        hits.addAll(usagePoints.hits(text, limit));
        return hits.size() > limit ? hits.subList(0, limit) : hits;
    }

    public RegistryOverview overview() {
        return new RegistryOverview(meters.countByStatus(), usagePoints.count(), usagePoints.countByFeeder());
    }

    @RolesAllowed(Role.ADMIN)
    public MeterView createMeter(@NotNull @Valid MeterData data) {
        if (meters.findBySerialNumber(data.serialNumber()).isPresent()) {
            throw new RegistryRuleViolation("A meter with serial number " + data.serialNumber() + " already exists");
        }
        Meter meter = data.newMeter();
        meters.add(meter);
        audit.record("CREATE", METER, meter.serialNumber(), null, meter.auditState());
        return MeterView.of(meter);
    }

    /** Updates a meter; with an expected version, refuses if someone else changed it in between. */
    @RolesAllowed(Role.ADMIN)
    public MeterView updateMeter(String serialNumber, @NotNull @Valid MeterData data, Long expectedVersion) {
        Meter meter = existingMeter(serialNumber);
        checkVersion("Meter " + serialNumber, meter.version(), expectedVersion);
        if (!meter.serialNumber().equals(data.serialNumber().strip())) {
            throw new RegistryRuleViolation("The serial number of a meter never changes (" + serialNumber + ")");
        }
        Map<String, Object> before = meter.auditState();
        data.applyTo(meter);
        auditChange("UPDATE", METER, meter.serialNumber(), before, meter.auditState());
        return MeterView.of(meter);
    }

    @RolesAllowed(Role.ADMIN)
    public MeterView retireMeter(String serialNumber) {
        Meter meter = existingMeter(serialNumber);
        Map<String, Object> before = meter.auditState();
        meter.retire();
        audit.record("RETIRE", METER, serialNumber, before, meter.auditState());
        return MeterView.of(meter);
    }

    @RolesAllowed(Role.ADMIN)
    public UsagePointView createUsagePoint(@NotNull @Valid UsagePointData data) {
        if (usagePoints.findByCode(data.code()).isPresent()) {
            throw new RegistryRuleViolation("A usage point " + data.code() + " already exists");
        }
        UsagePoint up = data.newUsagePoint();
        usagePoints.add(up);
        audit.record("CREATE", USAGE_POINT, up.code(), null, up.auditState());
        return UsagePointView.of(up);
    }

    @RolesAllowed(Role.ADMIN)
    public UsagePointView updateUsagePoint(String code, @NotNull @Valid UsagePointData data, Long expectedVersion) {
        UsagePoint up = existingUsagePoint(code);
        checkVersion("Usage point " + code, up.version(), expectedVersion);
        if (!up.code().equals(data.code().strip())) {
            throw new RegistryRuleViolation("The ID of a usage point never changes (" + code + ")");
        }
        Map<String, Object> before = up.auditState();
        String account = up.accountId();
        data.applyTo(up);
        AccountMoves.record(accounts, up, account, java.time.Instant.now());
        auditChange("UPDATE", USAGE_POINT, code, before, up.auditState());
        return UsagePointView.of(up);
    }

    @RolesAllowed(Role.ADMIN)
    public UsagePointView addChannel(String code, @NotNull @Valid ChannelData data) {
        UsagePoint up = existingUsagePoint(code);
        Channel channel = up.addChannel(new ReadingType(data.unit(), data.intervalMinutes(), data.flowDirection()),
                data.multiplier() == null ? java.math.BigDecimal.ONE : data.multiplier());
        usagePoints.addChannel(channel);
        audit.record("ADD_CHANNEL", USAGE_POINT, code, null, channel.auditState());
        return UsagePointView.of(up);
    }

    @RolesAllowed(Role.ADMIN)
    public UsagePointView install(String code, String meterSerialNumber, @NotNull Instant from) {
        UsagePoint up = existingUsagePoint(code);
        MeterInstallation installation = up.install(existingMeter(meterSerialNumber), from);
        audit.record("INSTALL", USAGE_POINT, code, null, installation.auditState());
        return UsagePointView.of(up);
    }

    @RolesAllowed(Role.ADMIN)
    public UsagePointView removeMeter(String code, @NotNull Instant at) {
        UsagePoint up = existingUsagePoint(code);
        MeterInstallation closed = up.removeMeter(at);
        audit.record("REMOVE", USAGE_POINT, code, null, closed.auditState());
        return UsagePointView.of(up);
    }

    /** Meter exchange: the old meter's installation ends exactly when the new one's starts. */
    @RolesAllowed(Role.ADMIN)
    public UsagePointView exchange(String code, String newMeterSerialNumber, @NotNull Instant at) {
        UsagePoint up = existingUsagePoint(code);
        Meter newMeter = existingMeter(newMeterSerialNumber);
        MeterInstallation old = up.currentInstallation().orElse(null);
        Map<String, Object> before = old == null ? null : old.auditState();
        MeterInstallation installed = up.exchange(newMeter, at);
        audit.record("EXCHANGE", USAGE_POINT, code, before, installed.auditState());
        return UsagePointView.of(up);
    }

    private void auditChange(String action, String type, String key, Map<String, Object> before,
            Map<String, Object> after) {
        if (!before.equals(after)) {
            audit.record(action, type, key, before, after);
        }
    }

    private static void checkVersion(String what, long actual, Long expected) {
        if (expected != null && expected != actual) {
            throw new RegistryRuleViolation(what + " was changed by someone else in the meantime;"
                    + " reload it and apply your change again");
        }
    }

    private Meter existingMeter(String serialNumber) {
        return meters.findBySerialNumber(serialNumber)
                .orElseThrow(() -> new RegistryNotFound("No meter with serial number " + serialNumber));
    }

    private UsagePoint existingUsagePoint(String code) {
        return usagePoints.findByCode(code)
                .orElseThrow(() -> new RegistryNotFound("No usage point " + code));
    }
}
