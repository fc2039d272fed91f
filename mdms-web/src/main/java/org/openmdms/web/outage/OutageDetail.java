package org.openmdms.web.outage;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.openmdms.meter.boundary.MeterRegistry;
import org.openmdms.outage.boundary.Outages;
import org.openmdms.outage.store.OutageRows;
import org.openmdms.web.Messages;
import org.openmdms.web.Times;

/**
 * outage/outage.xhtml?id=N: one outage — its facts, the transformer outages under a feeder outage,
 * its meters (when each went off and came back, and their power now) on a table and a map, and the
 * notices published about it; analysts and administrators close it by hand when the crew has
 * restored it but some meters never report back.
 */
@Named
@ViewScoped
public class OutageDetail implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Outages outages;

    @Inject
    transient MeterRegistry registry;

    @Inject
    Times times;

    /** A meter of the outage: where it is and its power now, with when it went off and came back in this outage. */
    public record MeterRow(OutageRows.MeterOnMap meter, Instant offAt, Instant onAt) implements Serializable {

        /** The meter's power now, in words. */
        public String getNow() {
            return switch (meter.state()) {
                case "OUT" -> "out";
                case "PENDING" -> "last gasp, not yet confirmed";
                default -> "on";
            };
        }
    }

    private final FeederZones zones = new FeederZones();
    private Long id;
    private Outages.Detail detail;
    private BoardRow row;
    private List<BoardRow> children = List.of();
    private List<MeterRow> meters = List.of();
    private transient OutageMap.Drawing map;

    /** Loads the outage named in the URL (not a required view parameter: postbacks do not carry it). */
    public void load() {
        if (id == null) {
            Messages.error("Give an outage: outage/outage.xhtml?id=…");
            return;
        }
        detail = outages.outage(id).orElse(null);
        if (detail == null) {
            Messages.error("No outage " + id);
            return;
        }
        String zone = zones.of(registry, detail.outage().feeder());
        row = new BoardRow(detail.outage(), detail.outage().parentId() != null, zone);
        children = detail.children().stream().map(c -> new BoardRow(c, true, zone)).toList();
        // When each went off and came back in this outage: the members' own times (the map's are the power now).
        Map<Long, OutageRows.Member> members = new HashMap<>();
        outages.members(List.of(id)).forEach(m -> members.put(m.usagePointId(), m));
        meters = detail.meters().stream().map(m -> {
            OutageRows.Member member = members.get(m.usagePointId());
            return new MeterRow(m, member == null ? m.offAt() : member.offAt(), member == null ? m.onAt() : member.onAt());
        }).toList();
        map = null;
    }

    /** Reloads while the outage is active (the page polls). */
    public void refresh() {
        if (detail != null) {
            load();
        }
    }

    public void close() {
        try {
            if (outages.close(id)) {
                Messages.info("Outage " + id + " closed: its meters still out count as back now");
            } else {
                Messages.error("Outage " + id + " is not active: nothing to close");
            }
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
        load();
    }

    private OutageMap.Drawing map() {
        if (map == null) {
            Map<Long, Instant> backOn = new HashMap<>();
            boolean active = isActive();
            meters.stream().filter(m -> active && m.onAt() != null)
                    .forEach(m -> backOn.put(m.meter().usagePointId(), m.onAt()));
            Set<String> transformersOut = new HashSet<>();
            Stream.concat(Stream.of(row), children.stream()).map(BoardRow::outage)
                    .filter(o -> o.transformer() != null && !"RESTORED".equals(o.state()))
                    .forEach(o -> transformersOut.add(o.feeder() + "/" + o.transformer()));
            map = OutageMap.draw(meters.stream().map(MeterRow::meter).toList(), backOn, transformersOut,
                    (at, feeder) -> times.local(at, getZone()));
        }
        return map;
    }

    public OutageMap.Drawing getMap() {
        return detail == null ? null : map();
    }

    public boolean isActive() {
        return detail != null && row.isActive();
    }

    public String getZone() {
        return row == null ? "UTC" : row.zone();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Outages.Detail getDetail() {
        return detail;
    }

    public BoardRow getRow() {
        return row;
    }

    public List<BoardRow> getChildren() {
        return children;
    }

    public List<MeterRow> getMeters() {
        return meters;
    }
}
