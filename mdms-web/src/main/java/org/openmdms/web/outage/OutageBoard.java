package org.openmdms.web.outage;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openmdms.meter.boundary.MeterRegistry;
import org.openmdms.outage.boundary.Outages;
import org.openmdms.outage.store.OutageRows;
import org.openmdms.web.Times;
import org.primefaces.PrimeFaces;

/**
 * outage/board.xhtml: what is out now — the active outages, feeder outages with their transformer
 * outages under them, restoration progress, detection's status and the map of the feeders affected
 * — refreshed every few seconds; and the outages of the last {@value #HISTORY_DAYS} days.
 */
@Named
@ViewScoped
public class OutageBoard implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int HISTORY_DAYS = 30;
    static final int HISTORY_LIMIT = 500;
    /** The map's client id: the poll redraws it only when it changed, for it can be large. */
    static final String MAP = "board:tabs:map";

    @Inject
    transient Outages outages;

    @Inject
    transient MeterRegistry registry;

    @Inject
    Times times;

    private final FeederZones zones = new FeederZones();
    private Outages.Status status;
    private List<BoardRow> active = List.of();
    private List<BoardRow> history = List.of();
    private Instant refreshedAt;
    private transient OutageMap.Drawing map;
    private int mapVersion;

    public void load() {
        refresh();
    }

    public void refresh() {
        Instant now = Instant.now();
        status = outages.status();
        List<OutageRows.Outage> current = outages.active();
        active = BoardRow.nest(current, this::zone);
        history = BoardRow.nest(outages.history(now.minus(Duration.ofDays(HISTORY_DAYS)), now.plusSeconds(1),
                HISTORY_LIMIT), this::zone);
        draw(current);
        refreshedAt = now;
    }

    /** The poll: everything but the map is re-rendered by the poll itself; the map only when it changed. */
    public void poll() {
        int before = mapVersion;
        refresh();
        if (mapVersion != before) {
            PrimeFaces.current().ajax().update(MAP);
        }
    }

    private void draw(List<OutageRows.Outage> current) {
        Map<Long, Instant> backOn = new HashMap<>();
        outages.members(current.stream().map(OutageRows.Outage::id).toList()).stream()
                .filter(m -> m.onAt() != null).forEach(m -> backOn.merge(m.usagePointId(), m.onAt(),
                        (a, b) -> a.isAfter(b) ? a : b));
        Set<String> transformersOut = current.stream().filter(o -> o.transformer() != null)
                .map(o -> o.feeder() + "/" + o.transformer()).collect(Collectors.toSet());
        map = OutageMap.draw(outages.map(), backOn, transformersOut, (at, feeder) -> times.local(at, zone(feeder)));
        mapVersion = map.svg().hashCode() * 31 + map.counts().hashCode();
    }

    String zone(String feeder) {
        return zones.of(registry, feeder);
    }

    private OutageMap.Drawing map() {
        if (map == null) {
            draw(outages.active());
        }
        return map;
    }

    public OutageMap.Drawing getMap() {
        return map();
    }

    public int getMapLimit() {
        return Outages.MAP_LIMIT;
    }

    public Outages.Status getStatus() {
        return status;
    }

    public List<BoardRow> getActive() {
        return active;
    }

    public List<BoardRow> getHistory() {
        return history;
    }

    public int getHistoryDays() {
        return HISTORY_DAYS;
    }

    public int getHistoryLimit() {
        return HISTORY_LIMIT;
    }

    /** When the board was read, in UTC with seconds. */
    public String getRefreshedAt() {
        return refreshedAt == null ? "" : refreshedAt.truncatedTo(ChronoUnit.SECONDS).toString()
                .replace('T', ' ').replace("Z", " UTC");
    }
}
