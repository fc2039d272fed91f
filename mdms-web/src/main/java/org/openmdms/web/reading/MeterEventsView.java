package org.openmdms.web.reading;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.openmdms.meter.boundary.MeterView;
import org.openmdms.meter.boundary.UsagePointView;
import org.openmdms.reading.boundary.MeterEvents;
import org.openmdms.reading.boundary.MeterReadings;
import org.openmdms.reading.store.StoredEvent;
import org.openmdms.web.Messages;

/**
 * The Events tab of usagepoint/detail.xhtml and meter/detail.xhtml: the meter events over a range of
 * local days (the usage point's zone; for a meter, the zone of the usage point it serves, else UTC),
 * at most {@value #MAX_DAYS} days. Opens on the {@value #DEFAULT_DAYS} days ending at the latest event.
 */
@Named
@ViewScoped
public class MeterEventsView implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int MAX_DAYS = 366;
    static final int DEFAULT_DAYS = 92;

    @Inject
    MeterReadings readings;

    private String usagePoint;
    private String meter;
    private String zone = "UTC";
    private LocalDate from;
    private LocalDate to;
    private MeterEvents events;

    /** The events at the usage point, whichever meter served it. */
    public void loadUsagePoint(UsagePointView view) {
        if (view == null) {
            return;
        }
        usagePoint = view.code();
        zone = view.timeZone();
        open(readings.latestEventAt(usagePoint).orElse(null));
    }

    /** The events of the meter, wherever it was. */
    public void loadMeter(MeterView view) {
        if (view == null) {
            return;
        }
        meter = view.serialNumber();
        zone = view.usagePoint() == null ? "UTC" : view.usagePoint().timeZone();
        open(readings.latestEventOf(meter).orElse(null));
    }

    private void open(Instant latest) {
        to = latest == null ? LocalDate.now(ZoneId.of(zone)) : latest.atZone(ZoneId.of(zone)).toLocalDate();
        from = to.minusDays(DEFAULT_DAYS - 1L);
        show();
    }

    /** Reads the events of the chosen range; called by the Show button. */
    public void show() {
        events = null;
        if (from == null || to == null || to.isBefore(from)) {
            Messages.error("Choose a range: the first day must not be after the last day");
            return;
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            Messages.error("Choose at most " + MAX_DAYS + " days");
            return;
        }
        ZoneId id = ZoneId.of(zone);
        Instant start = from.atStartOfDay(id).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(id).toInstant();
        try {
            events = usagePoint != null ? readings.eventsAt(usagePoint, start, end) : readings.eventsOf(meter, start, end);
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    /** The zone an event is shown in: of the usage point it happened at, else the page's. */
    public String zoneOf(StoredEvent event) {
        return event.timeZone() != null ? event.timeZone() : zone;
    }

    public List<StoredEvent> getRows() {
        return events == null ? List.of() : events.events();
    }

    public boolean isTruncated() {
        return events != null && events.truncated();
    }

    public int getMaxEvents() {
        return MeterReadings.MAX_EVENTS;
    }

    public boolean isForMeter() {
        return usagePoint == null;
    }

    public String getZone() {
        return zone;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public int getMaxDays() {
        return MAX_DAYS;
    }
}
