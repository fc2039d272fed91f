package org.openmdms.meter.boundary;

import java.io.Serializable;
import java.time.Instant;
import org.openmdms.meter.entity.MeterInstallation;

/** One span of the installation history; the time zone is the usage point's, for display. */
public record InstallationView(String meterSerialNumber, String usagePoint, Instant installedFrom,
        Instant installedTo, String timeZone) implements Serializable {

    static InstallationView of(MeterInstallation i) {
        return new InstallationView(i.meter().serialNumber(), i.usagePoint().code(), i.installedFrom(),
                i.installedTo(), i.usagePoint().timeZone().getId());
    }

    public boolean current() {
        return installedTo == null;
    }
}
