package org.openmdms.web.meter;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.openmdms.admin.boundary.AuditRecord;
import org.openmdms.admin.boundary.AuditTrail;
import org.openmdms.meter.boundary.MeterRegistry;
import org.openmdms.meter.boundary.MeterView;
import org.openmdms.paging.PageRequest;
import org.openmdms.web.Messages;

/**
 * meter/detail.xhtml: a meter, where it is installed, its installation history, its usage point's
 * channels and its audit history; administrators remove or exchange it from here.
 */
@Named
@ViewScoped
public class MeterDetail implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MeterRegistry registry;

    @Inject
    AuditTrail audit;

    private String serial;
    private MeterView meter;
    private List<AuditRecord> history;
    private LocalDateTime changeAt;
    private String newMeterSerial;

    public void load() {
        meter = registry.meter(serial).orElse(null);
        if (meter == null) {
            Messages.error("No meter with serial number " + serial);
            return;
        }
        history = audit.historyOf(org.openmdms.meter.boundary.MeterRegistry.METER, serial, PageRequest.first(50))
                .items();
    }

    public void removeFromUsagePoint() {
        try {
            registry.removeMeter(meter.usagePoint().code(), instant());
            Messages.info("Meter " + serial + " removed from " + meter.usagePoint().code());
            changeAt = null;
            load();
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public void exchange() {
        try {
            String code = meter.usagePoint().code();
            registry.exchange(code, newMeterSerial, instant());
            Messages.info("Meter " + serial + " exchanged for " + newMeterSerial + " at " + code);
            changeAt = null;
            newMeterSerial = null;
            load();
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public void retire() {
        try {
            registry.retireMeter(serial);
            Messages.info("Meter " + serial + " retired");
            load();
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    /** The date-time typed is local to the usage point the meter serves. */
    private Instant instant() {
        if (changeAt == null) {
            throw new IllegalArgumentException("Give the date and time of the change");
        }
        return changeAt.atZone(ZoneId.of(meter.usagePoint().timeZone())).toInstant();
    }

    public String getSerial() {
        return serial;
    }

    public void setSerial(String serial) {
        this.serial = serial;
    }

    public MeterView getMeter() {
        return meter;
    }

    public List<AuditRecord> getHistory() {
        return history;
    }

    public LocalDateTime getChangeAt() {
        return changeAt;
    }

    public void setChangeAt(LocalDateTime changeAt) {
        this.changeAt = changeAt;
    }

    public String getNewMeterSerial() {
        return newMeterSerial;
    }

    public void setNewMeterSerial(String newMeterSerial) {
        this.newMeterSerial = newMeterSerial;
    }
}
