package org.openmdms.meter.control;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.openmdms.meter.boundary.ChannelData;
import org.openmdms.meter.boundary.MeterData;
import org.openmdms.meter.boundary.UsagePointData;
import org.openmdms.meter.entity.Meter;
import org.openmdms.meter.entity.UsagePoint;

/**
 * One row of the registry file: the state the CIS or asset system says a usage point is in — its
 * attributes, the meter installed there since when, and the channels it measures. Columns the file
 * does not have leave what the registry knows untouched; a column present but empty clears it.
 */
public record RegistryRow(long line, UsagePointData usagePoint, MeterData meter, Instant installedFrom,
        List<ChannelData> channels, Set<String> columns) {

    /** What the usage point becomes: the row's values, and the registry's for columns the file lacks. */
    public UsagePointData usagePointOver(UsagePoint existing) {
        UsagePointData row = usagePoint;
        return new UsagePointData(row.code(), row.commodity(), row.customerClass(), row.timeZone(),
                has("account_id") ? row.accountId() : existing.accountId(),
                has("premise_address") ? row.premiseAddress() : existing.premiseAddress(),
                has("feeder") ? row.feeder() : existing.feeder(),
                has("transformer") ? row.transformer() : existing.transformer(),
                has("latitude") ? row.latitude() : existing.latitude(),
                has("longitude") ? row.longitude() : existing.longitude(),
                has("service_capacity_kw") ? row.serviceCapacityKw() : existing.serviceCapacityKw());
    }

    /**
     * What a known meter becomes. The file has no firmware or head-end columns, and an import never
     * changes a meter's commodity: a meter of another commodity is refused when it is installed.
     */
    public MeterData meterOver(Meter existing) {
        return new MeterData(existing.serialNumber(),
                has("meter_manufacturer") ? meter.manufacturer() : existing.manufacturer(),
                has("meter_model") ? meter.model() : existing.model(),
                existing.commodity(),
                has("meter_multiplier") && meter.multiplier() != null ? meter.multiplier() : existing.multiplier(),
                existing.firmware(), existing.headEndId());
    }

    private boolean has(String column) {
        return columns.contains(column);
    }
}
