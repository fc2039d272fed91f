package org.openmdms.meter.boundary;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.Meter;
import org.openmdms.meter.entity.MeterStatus;

/** A meter with its installation history and, if installed, its usage point and that point's channels. */
public record MeterView(String serialNumber, String manufacturer, String model, Commodity commodity,
        BigDecimal multiplier, String firmware, String headEndId, MeterStatus status, long version,
        Instant createdAt, Instant updatedAt, List<InstallationView> installations, UsagePointView usagePoint) implements Serializable {

    static MeterView of(Meter m) {
        UsagePointView current = m.currentInstallation().map(i -> UsagePointView.of(i.usagePoint())).orElse(null);
        return new MeterView(m.serialNumber(), m.manufacturer(), m.model(), m.commodity(), m.multiplier(),
                m.firmware(), m.headEndId(), m.status(), m.version(), m.createdAt(), m.updatedAt(),
                m.installations().stream().map(InstallationView::of).toList(), current);
    }

    public MeterData data() {
        return new MeterData(serialNumber, manufacturer, model, commodity, multiplier, firmware, headEndId);
    }
}
