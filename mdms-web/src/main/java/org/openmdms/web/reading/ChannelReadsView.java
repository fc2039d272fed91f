package org.openmdms.web.reading;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openmdms.meter.boundary.ChannelView;
import org.openmdms.meter.boundary.UsagePointView;
import org.openmdms.reading.boundary.ChannelReads;
import org.openmdms.reading.boundary.ChannelRegisters;
import org.openmdms.reading.boundary.MeterReadings;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;
import org.openmdms.reading.store.ChannelClock;
import org.openmdms.reading.store.DailyReading;
import org.openmdms.reading.store.IntervalVersion;
import org.openmdms.reading.store.StoredInterval;
import org.openmdms.reading.store.StoredRegisterRead;
import org.openmdms.vee.boundary.EditedValue;
import org.openmdms.vee.boundary.ReadEditing;
import org.openmdms.vee.boundary.VeeRunResult;
import org.openmdms.vee.control.EditReason;
import org.openmdms.vee.boundary.VeeRunner;
import org.openmdms.web.Messages;
import org.primefaces.PrimeFaces;
import org.primefaces.event.SelectEvent;

/**
 * The Reads tab of usagepoint/detail.xhtml: one channel's interval values over a range of local days
 * (at most {@value #MAX_DAYS}) as a chart and a table, the daily totals of those days, and the
 * history of an interval that was replaced; for a register channel, the table of its register reads. Opens on the {@value #DEFAULT_DAYS} days ending at the
 * channel's latest read.
 */
@Named
@ViewScoped
public class ChannelReadsView implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int MAX_DAYS = 31;
    static final int DEFAULT_DAYS = 7;
    /** How far back the latest day with reads is looked for (in the daily totals). */
    static final int LOOK_BACK_YEARS = 20;

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");
    /** Okabe-Ito colours, told apart by colour-blind readers; estimated and edited also differ in shape. */
    private static final String ACTUAL_COLOUR = "#0072B2";
    private static final String ESTIMATED_COLOUR = "#E69F00";
    private static final String EDITED_COLOUR = "#D55E00";

    @Inject
    MeterReadings readings;

    @Inject
    VeeRunner vee;

    @Inject
    ReadEditing editing;

    /** Opened from the work queue: the exception's day, channel and id (an edit answers the exception). */
    private LocalDate requestedDay;
    private Long requestedChannel;
    private Long exceptionId;
    private BigDecimal editValue;
    private EditReason editReason;
    private String editComment;
    private Instant throughEnd;

    private String code;
    private String zone;
    private List<ChannelView> channels = List.of();
    private Long channelId;
    private LocalDate from;
    private LocalDate to;
    private ChannelReads reads;
    private ChannelRegisters registers;
    private List<DailyReading> daily = List.of();
    private String chart;
    private StoredInterval selected;
    private List<IntervalVersion> history = List.of();

    /** Opens on the usage point's first interval channel and the days ending at its latest read. */
    public void load(UsagePointView usagePoint) {
        if (usagePoint == null) {
            return;
        }
        code = usagePoint.code();
        zone = usagePoint.timeZone();
        channels = usagePoint.channels();
        channelId = channels.stream().filter(c -> requestedChannel != null && c.id() == requestedChannel).findFirst()
                .or(() -> channels.stream().filter(c -> c.intervalMinutes() != null).findFirst())
                .or(() -> channels.stream().findFirst()).map(ChannelView::id).orElse(null);
        if (channelId != null) {
            if (requestedDay != null) {
                from = requestedDay;
                to = requestedDay;
            } else {
                latestRange();
            }
            show();
        }
    }

    /** Reads the chosen channel and range; called by the Show button and the presets. */
    public void show() {
        reads = null;
        registers = null;
        daily = List.of();
        chart = null;
        ChannelView channel = channel();
        if (channel == null) {
            Messages.error("Choose a channel");
            return;
        }
        if (from == null || to == null || to.isBefore(from)) {
            Messages.error("Choose a range: the first day must not be after the last day");
            return;
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            Messages.error("Choose at most " + MAX_DAYS + " days");
            return;
        }
        ChannelClock clock = new ChannelClock(ZoneId.of(zone),
                channel.intervalMinutes() == null ? 0 : channel.intervalMinutes());
        try {
            if (channel.intervalMinutes() == null) {
                registers = readings.registers(code, channelId, clock.firstEndOf(from), clock.endsBefore(to));
                return;
            }
            reads = readings.reads(code, channelId, clock.firstEndOf(from), clock.endsBefore(to));
            daily = readings.daily(code, channelId, from, to.plusDays(1));
            chart = chartJson(channel);
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    /** Runs VEE over the usage point's days of the range (all its interval channels), then shows the reads again. */
    public void runVee() {
        if (from == null || to == null || to.isBefore(from)) {
            Messages.error("Choose a range: the first day must not be after the last day");
            return;
        }
        try {
            VeeRunResult result = vee.run(code, from, to.plusDays(1));
            Messages.info("VEE checked " + result.channels() + " channel" + (result.channels() == 1 ? "" : "s") + ": "
                    + result.raised() + " new exceptions, " + result.foundAgain() + " found again, " + result.resolved()
                    + " resolved, " + result.estimated() + " intervals estimated");
            show();
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    /** The day, week or month (at most {@value #MAX_DAYS} days) ending at the last day of the range. */
    public void preset(String span) {
        LocalDate last = to == null ? LocalDate.now(ZoneId.of(zone)) : to;
        to = last;
        from = switch (span) {
            case "day" -> last;
            case "week" -> last.minusDays(DEFAULT_DAYS - 1L);
            default -> last.minusMonths(1).plusDays(1);
        };
        show();
    }

    /** Moves the range by its own length: -1 earlier, +1 later. */
    public void shift(int direction) {
        if (from != null && to != null && !to.isBefore(from)) {
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            from = from.plusDays(direction * days);
            to = to.plusDays(direction * days);
        }
        show();
    }

    /** Another channel: the range stays, or becomes the days ending at its latest read when it had none. */
    public void changeChannel() {
        if (from == null || to == null) {
            latestRange();
        }
        show();
    }

    /** A row of the table chosen: its earlier versions for the dialog, when it has any. */
    public void select(SelectEvent<StoredInterval> event) {
        selected = event.getObject();
        history = selected != null && selected.version() > 1
                ? readings.history(code, channelId, selected.intervalEnd()) : List.of();
        editValue = selected == null ? null : selected.value();
        editReason = null;
        editComment = null;
        throughEnd = selected == null ? null : selected.intervalEnd();
        PrimeFaces.current().ajax().addCallbackParam("hasHistory", !history.isEmpty());
    }

    /** Sets the selected interval to the value entered, with the reason. */
    public void saveEdit() {
        try {
            int changed = editing.edit(code, channelId, List.of(new EditedValue(selected.intervalEnd(), editValue)),
                    editReason, editComment, exceptionId);
            Messages.info(changed == 0 ? "The value was already so: nothing changed"
                    : "Interval edited (" + editReason + "): the earlier value is kept as a version");
            show();
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    /** Replaces the selected interval through the one chosen by a straight line between their neighbours. */
    public void interpolateRange() {
        try {
            int changed = editing.interpolate(code, channelId, selected.intervalEnd(),
                    throughEnd == null ? selected.intervalEnd() : throughEnd, editReason, editComment, exceptionId);
            Messages.info(changed + " intervals interpolated (" + editReason + ")");
            show();
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    /** The interval ends from the selected one on (at most a day of them), for the end of a range to interpolate. */
    public List<Instant> getFollowingEnds() {
        if (selected == null || reads == null) {
            return List.of();
        }
        return reads.reads().stream().map(StoredInterval::intervalEnd).filter(end -> !end.isBefore(selected.intervalEnd()))
                .limit(ReadEditing.MAX_INTERVALS / 2).toList();
    }

    public LocalDate getRequestedDay() {
        return requestedDay;
    }

    public void setRequestedDay(LocalDate requestedDay) {
        this.requestedDay = requestedDay;
    }

    public Long getRequestedChannel() {
        return requestedChannel;
    }

    public void setRequestedChannel(Long requestedChannel) {
        this.requestedChannel = requestedChannel;
    }

    public Long getExceptionId() {
        return exceptionId;
    }

    public void setExceptionId(Long exceptionId) {
        this.exceptionId = exceptionId;
    }

    public EditReason[] getEditReasons() {
        return EditReason.values();
    }

    public BigDecimal getEditValue() {
        return editValue;
    }

    public void setEditValue(BigDecimal editValue) {
        this.editValue = editValue;
    }

    public EditReason getEditReason() {
        return editReason;
    }

    public void setEditReason(EditReason editReason) {
        this.editReason = editReason;
    }

    public String getEditComment() {
        return editComment;
    }

    public void setEditComment(String editComment) {
        this.editComment = editComment;
    }

    public Instant getThroughEnd() {
        return throughEnd;
    }

    public void setThroughEnd(Instant throughEnd) {
        this.throughEnd = throughEnd;
    }

    private void latestRange() {
        LocalDate today = LocalDate.now(ZoneId.of(zone));
        LocalDate latest = readings.daily(code, channelId, today.minusYears(LOOK_BACK_YEARS), today.plusDays(2))
                .stream().filter(d -> d.readCount() > 0).map(DailyReading::day).max(LocalDate::compareTo)
                .orElse(today);
        to = latest;
        from = latest.minusDays(DEFAULT_DAYS - 1L);
    }

    private ChannelView channel() {
        return channels.stream().filter(c -> channelId != null && c.id() == channelId).findFirst().orElse(null);
    }

    /** A Chart.js line chart: the values, with estimated (triangles) and edited (squares) intervals marked. */
    private String chartJson(ChannelView channel) {
        ZoneId id = ZoneId.of(zone);
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        List<BigDecimal> estimated = new ArrayList<>();
        List<BigDecimal> edited = new ArrayList<>();
        for (StoredInterval r : withGaps(channel)) {
            labels.add(ZonedDateTime.ofInstant(r.intervalEnd(), id).format(LABEL));
            if (r.value() == null) {
                values.addNull();
            } else {
                values.add(r.value());
            }
            estimated.add(r.source() == ReadSource.ESTIMATED ? r.value() : null);
            edited.add(r.source() == ReadSource.EDITED ? r.value() : null);
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("label", channel.label()).add("data", values)
                        .add("borderColor", ACTUAL_COLOUR).add("backgroundColor", ACTUAL_COLOUR)
                        .add("borderWidth", 1.5).add("pointRadius", 0).add("pointHitRadius", 4)
                        .add("tension", 0).add("spanGaps", false).add("order", 2));
        if (estimated.stream().anyMatch(v -> v != null)) {
            datasets.add(markers("Estimated", estimated, "triangle", ESTIMATED_COLOUR, 6));
        }
        if (edited.stream().anyMatch(v -> v != null)) {
            datasets.add(markers("Edited", edited, "rect", EDITED_COLOUR, 5));
        }
        String unit = channel.unit().symbol();
        JsonObjectBuilder options = Json.createObjectBuilder()
                .add("responsive", true).add("maintainAspectRatio", false).add("animation", false)
                .add("interaction", Json.createObjectBuilder().add("mode", "index").add("intersect", false))
                .add("plugins", Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder()
                                .add("labels", Json.createObjectBuilder().add("usePointStyle", true)))
                        .add("zoom", Json.createObjectBuilder()
                                .add("zoom", Json.createObjectBuilder()
                                        .add("drag", Json.createObjectBuilder().add("enabled", true))
                                        .add("wheel", Json.createObjectBuilder().add("enabled", true)
                                                .add("modifierKey", "ctrl"))
                                        .add("mode", "x"))))
                .add("scales", Json.createObjectBuilder()
                        .add("x", Json.createObjectBuilder()
                                .add("title", Json.createObjectBuilder().add("display", true)
                                        .add("text", "Interval end, local time (" + zone + ")"))
                                .add("ticks", Json.createObjectBuilder().add("maxRotation", 0)
                                        .add("autoSkipPadding", 24)))
                        .add("y", Json.createObjectBuilder().add("beginAtZero", true)
                                .add("title", Json.createObjectBuilder().add("display", true).add("text", unit))));
        return Json.createObjectBuilder().add("type", "line")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", options).build().toString();
    }

    /**
     * The reads with an empty placeholder (no value, no source) for every interval of the range that has
     * none, so the chart shows missing data as a gap; a register channel keeps just its reads.
     */
    private List<StoredInterval> withGaps(ChannelView channel) {
        if (channel.intervalMinutes() == null) {
            return reads.reads();
        }
        ChannelClock clock = new ChannelClock(ZoneId.of(zone), channel.intervalMinutes());
        Map<Instant, StoredInterval> byEnd = new HashMap<>();
        reads.reads().forEach(r -> byEnd.put(r.intervalEnd(), r));
        List<StoredInterval> all = new ArrayList<>();
        Instant end = clock.firstEndOf(from);
        Instant last = clock.endsBefore(to);
        while (end.isBefore(last)) {
            StoredInterval read = byEnd.remove(end);
            all.add(read != null ? read : new StoredInterval(end, null, Quality.VALID, null, 0, null));
            end = end.plusSeconds(60L * channel.intervalMinutes());
        }
        if (!byEnd.isEmpty()) {
            all.addAll(byEnd.values());
            all.sort(Comparator.comparing(StoredInterval::intervalEnd));
        }
        return all;
    }

    private static JsonObjectBuilder markers(String label, List<BigDecimal> points, String style, String colour,
            int radius) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        points.forEach(v -> {
            if (v == null) {
                data.addNull();
            } else {
                data.add(v);
            }
        });
        return Json.createObjectBuilder().add("label", label).add("data", data).add("showLine", false)
                .add("pointStyle", style).add("pointRadius", radius).add("pointHoverRadius", radius + 2)
                .add("borderColor", "#333333").add("borderWidth", 1).add("backgroundColor", colour)
                .add("order", 1);
    }

    /** Quality flags in words (and the estimation method of an estimate), or empty for a valid read. */
    public String qualityWords(int quality) {
        List<String> words = new ArrayList<>();
        if (Quality.has(quality, Quality.QUESTIONABLE)) {
            words.add("questionable");
        }
        if (Quality.has(quality, Quality.POWER_OUTAGE)) {
            words.add("power outage");
        }
        if (Quality.has(quality, Quality.CLOCK_ADJUSTED)) {
            words.add("clock adjusted");
        }
        if (Quality.has(quality, Quality.PARTIAL)) {
            words.add("partial");
        }
        if (Quality.has(quality, Quality.SUBSTITUTED)) {
            words.add("substituted");
        }
        String method = Quality.estimationMethod(quality);
        if (method != null) {
            words.add("estimated by " + method.replace("+", " and "));
        }
        return String.join(", ", words);
    }

    /** Unit symbol of the channel shown. */
    public String getUnit() {
        ChannelView channel = channel();
        return channel == null ? "" : channel.unit().symbol();
    }

    public boolean isNoReads() {
        return (reads == null || reads.reads().isEmpty()) && !isRegister();
    }

    /** Whether a register channel is shown: its reads are a table of cumulative values, no chart. */
    public boolean isRegister() {
        return registers != null;
    }

    public List<StoredRegisterRead> getRegisterRows() {
        return registers == null ? List.of() : registers.reads();
    }

    public String getZone() {
        return zone;
    }

    public List<ChannelView> getChannels() {
        return channels;
    }

    public Long getChannelId() {
        return channelId;
    }

    public void setChannelId(Long channelId) {
        this.channelId = channelId;
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

    public ChannelReads getReads() {
        return reads;
    }

    public List<StoredInterval> getRows() {
        return reads == null ? List.of() : reads.reads();
    }

    public List<DailyReading> getDaily() {
        return daily;
    }

    public String getChart() {
        return chart;
    }

    public StoredInterval getSelected() {
        return selected;
    }

    public void setSelected(StoredInterval selected) {
        this.selected = selected;
    }

    public List<IntervalVersion> getHistory() {
        return history;
    }

    public int getMaxDays() {
        return MAX_DAYS;
    }

    /** The Green Button download of the usage point for the days shown (the API's "to" is exclusive). */
    public String getGreenButtonPath() {
        if (code == null || from == null || to == null) {
            return null;
        }
        return "/api/usage-points/" + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20") + "/green-button?from=" + from + "&to=" + to.plusDays(1);
    }
}
