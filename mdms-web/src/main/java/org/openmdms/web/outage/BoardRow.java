package org.openmdms.web.outage;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.openmdms.outage.store.OutageRows;

/**
 * An outage as the board lists it: a feeder outage is followed by the transformer outages that are
 * part of it ({@code child}), shown indented; times are read in the feeder's zone.
 */
public record BoardRow(OutageRows.Outage outage, boolean child, String zone) implements Serializable {

    /**
     * The outages in the order given (newest first), each top-level one followed by its transformer
     * outages by name. A transformer outage whose feeder outage is not in the list stands on its own.
     */
    static List<BoardRow> nest(List<OutageRows.Outage> outages, Function<String, String> zoneOfFeeder) {
        Set<Long> ids = new HashSet<>();
        outages.forEach(o -> ids.add(o.id()));
        Map<Long, List<OutageRows.Outage>> children = new LinkedHashMap<>();
        for (OutageRows.Outage outage : outages) {
            if (outage.parentId() != null && ids.contains(outage.parentId())) {
                children.computeIfAbsent(outage.parentId(), id -> new ArrayList<>()).add(outage);
            }
        }
        List<BoardRow> rows = new ArrayList<>();
        for (OutageRows.Outage outage : outages) {
            if (outage.parentId() != null && ids.contains(outage.parentId())) {
                continue;
            }
            String zone = zoneOfFeeder.apply(outage.feeder());
            rows.add(new BoardRow(outage, false, zone));
            children.getOrDefault(outage.id(), List.of()).stream()
                    .sorted(Comparator.comparing(OutageRows.Outage::transformer,
                            Comparator.nullsFirst(Comparator.naturalOrder())))
                    .forEach(child -> rows.add(new BoardRow(child, true, zone)));
        }
        return rows;
    }

    /** Restored share of the affected meters, in whole percent (100 when none was affected). */
    public int getPercent() {
        return percent(outage.affected(), outage.out());
    }

    static int percent(int affected, int out) {
        return affected <= 0 ? 100 : Math.max(0, affected - out) * 100 / affected;
    }

    /** "Feeder F1", "Transformer T3 on F1". */
    public String getWhere() {
        return outage.transformer() == null ? "Feeder " + outage.feeder()
                : "Transformer " + outage.transformer() + " on " + outage.feeder();
    }

    /** "Open", "Partially restored", "Restored". */
    public String getStateWords() {
        return words(outage.state());
    }

    static String words(String state) {
        String words = state.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** How long the outage lasted, or has lasted so far. */
    public String getDuration() {
        return duration(outage.startedAt(), outage.restoredAt() == null ? Instant.now() : outage.restoredAt())
                + (outage.restoredAt() == null ? " so far" : "");
    }

    public boolean isActive() {
        return !"RESTORED".equals(outage.state());
    }

    /** "45 s", "12 min", "2 h 05 min", "3 d 4 h". */
    static String duration(Instant from, Instant to) {
        if (from == null || to == null) {
            return "";
        }
        long seconds = Math.max(0, Duration.between(from, to).toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return String.format("%d h %02d min", hours, minutes % 60);
        }
        return hours / 24 + " d " + hours % 24 + " h";
    }
}
