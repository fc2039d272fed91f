package org.openmdms.meter.boundary;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.CustomerClass;
import org.openmdms.meter.entity.UsagePoint;

/** A usage point with its installation history and channels. */
public record UsagePointView(String code, Commodity commodity, CustomerClass customerClass, String timeZone,
        String accountId, String premiseAddress, String feeder, String transformer, BigDecimal latitude,
        BigDecimal longitude, BigDecimal serviceCapacityKw, long version, Instant createdAt, Instant updatedAt,
        List<InstallationView> installations, List<ChannelView> channels) implements Serializable {

    static UsagePointView of(UsagePoint up) {
        return new UsagePointView(up.code(), up.commodity(), up.customerClass(), up.timeZone().getId(),
                up.accountId(), up.premiseAddress(), up.feeder(), up.transformer(), up.latitude(), up.longitude(),
                up.serviceCapacityKw(), up.version(), up.createdAt(), up.updatedAt(),
                up.installations().stream().map(InstallationView::of).toList(),
                up.channels().stream().map(ChannelView::of).toList());
    }

    /** Serial number of the meter installed now, or null. */
    public String currentMeter() {
        return installations.stream().filter(InstallationView::current).map(InstallationView::meterSerialNumber)
                .findFirst().orElse(null);
    }

    public UsagePointData data() {
        return new UsagePointData(code, commodity, customerClass, timeZone, accountId, premiseAddress, feeder,
                transformer, latitude, longitude, serviceCapacityKw);
    }
}
