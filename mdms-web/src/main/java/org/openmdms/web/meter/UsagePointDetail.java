package org.openmdms.web.meter;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.openmdms.admin.boundary.AuditRecord;
import org.openmdms.admin.boundary.AuditTrail;
import org.openmdms.meter.boundary.ChannelData;
import org.openmdms.meter.boundary.MeterRegistry;
import org.openmdms.meter.boundary.UsagePointView;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.ReadingType;
import org.openmdms.meter.entity.Unit;
import org.openmdms.paging.PageRequest;
import org.openmdms.web.Messages;

/**
 * usagepoint/detail.xhtml: a usage point, its meter, installation history, channels and audit
 * history; administrators install, remove or exchange its meter and add channels from here.
 */
@Named
@ViewScoped
public class UsagePointDetail implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MeterRegistry registry;

    @Inject
    AuditTrail audit;

    private String code;
    /** The tab to open on: "events" (the outage page links there); else the installation history. */
    private String tab;
    private UsagePointView usagePoint;
    private List<AuditRecord> history;
    private LocalDateTime changeAt;
    private String meterSerial;
    private Unit channelUnit = Unit.KWH;
    private Integer channelInterval = 30;
    private FlowDirection channelFlow = FlowDirection.DELIVERED;
    private BigDecimal channelMultiplier = BigDecimal.ONE;

    /**
     * Loads the usage point named in the URL. The code is not a required view parameter: Faces would
     * check it again on every postback of this view, where the URL no longer carries it.
     */
    public void load() {
        if (code == null || code.isBlank()) {
            Messages.error("Give a usage point: usagepoint/detail.xhtml?code=…");
            return;
        }
        usagePoint = registry.usagePoint(code).orElse(null);
        if (usagePoint == null) {
            Messages.error("No usage point " + code);
            return;
        }
        history = audit.historyOf(MeterRegistry.USAGE_POINT, code, PageRequest.first(50)).items();
    }

    public void install() {
        try {
            registry.install(code, meterSerial, instant());
            Messages.info("Meter " + meterSerial + " installed at " + code);
            clearChange();
            load();
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public void removeMeter() {
        try {
            String removed = usagePoint.currentMeter();
            registry.removeMeter(code, instant());
            Messages.info("Meter " + removed + " removed from " + code);
            clearChange();
            load();
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public void exchange() {
        try {
            String old = usagePoint.currentMeter();
            registry.exchange(code, meterSerial, instant());
            Messages.info("Meter " + old + " exchanged for " + meterSerial + " at " + code);
            clearChange();
            load();
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public void addChannel() {
        try {
            registry.addChannel(code, new ChannelData(channelUnit, channelInterval, channelFlow, channelMultiplier));
            Messages.info("Channel added to " + code);
            channelMultiplier = BigDecimal.ONE;
            load();
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    private void clearChange() {
        changeAt = null;
        meterSerial = null;
    }

    /** The date-time typed is local to the usage point. */
    private Instant instant() {
        if (changeAt == null) {
            throw new IllegalArgumentException("Give the date and time of the change");
        }
        return changeAt.atZone(ZoneId.of(usagePoint.timeZone())).toInstant();
    }

    public Unit[] getUnits() {
        return Unit.values();
    }

    public FlowDirection[] getFlowDirections() {
        return FlowDirection.values();
    }

    /** The interval lengths a channel may have, shortest first; a register has none. */
    public List<Integer> getIntervals() {
        return ReadingType.INTERVAL_MINUTES.stream().sorted().toList();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getTab() {
        return tab;
    }

    public void setTab(String tab) {
        this.tab = tab;
    }

    public UsagePointView getUsagePoint() {
        return usagePoint;
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

    public String getMeterSerial() {
        return meterSerial;
    }

    public void setMeterSerial(String meterSerial) {
        this.meterSerial = meterSerial;
    }

    public Unit getChannelUnit() {
        return channelUnit;
    }

    public void setChannelUnit(Unit channelUnit) {
        this.channelUnit = channelUnit;
    }

    public Integer getChannelInterval() {
        return channelInterval;
    }

    public void setChannelInterval(Integer channelInterval) {
        this.channelInterval = channelInterval;
    }

    public FlowDirection getChannelFlow() {
        return channelFlow;
    }

    public void setChannelFlow(FlowDirection channelFlow) {
        this.channelFlow = channelFlow;
    }

    public BigDecimal getChannelMultiplier() {
        return channelMultiplier;
    }

    public void setChannelMultiplier(BigDecimal channelMultiplier) {
        this.channelMultiplier = channelMultiplier;
    }
}
