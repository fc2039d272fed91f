package org.openmdms.web.outage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.openmdms.outage.store.OutageRows;

/**
 * The outage map without map tiles (none are reachable from a control room's network): usage points
 * placed by latitude and longitude on an equirectangular projection (east–west distances shrunk by
 * the cosine of the middle latitude, so a town keeps its shape), drawn on the server as SVG. Each
 * point's state has a colour <em>and</em> a shape, for colour-blind readers; each transformer is a
 * shaded area around its usage points, red while it has an active outage. Points carry a tooltip.
 */
public final class OutageMap {

    static final int WIDTH = 960;
    static final int HEIGHT = 540;
    private static final int PAD = 28;
    /** The smallest extent the box shows, in degrees of latitude (about 1.1 km). */
    static final double MIN_SPAN = 0.01;
    /** Transformer areas are labelled only when there are few enough to read. */
    private static final int LABELLED_GROUPS = 150;
    private static final int DRAWN_GROUPS = 2000;

    /** What a point shows, in drawing order: the most urgent on top. */
    public enum Mark {
        ON("on", "on"),
        RESTORED("restored", "back on (in an active outage)"),
        PENDING("pending", "last gasp, not yet confirmed"),
        OUT("out", "out");

        final String css;
        final String words;

        Mark(String css, String words) {
            this.css = css;
            this.words = words;
        }

        public String getCss() {
            return css;
        }

        public String getWords() {
            return words;
        }
    }

    /**
     * The drawing (inline SVG, empty when no point has coordinates), how many points have each mark
     * and how many have no coordinates (counted, not drawn).
     */
    public record Drawing(String svg, Map<Mark, Integer> counts, int unplaced) {

        /** Points with the mark: OUT, PENDING, RESTORED or ON. */
        public int count(String mark) {
            return counts.get(Mark.valueOf(mark));
        }

        /** Points with a mark: drawn or not. */
        public int getTotal() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private OutageMap() {
    }

    /**
     * Draws the points.
     *
     * @param backOn members of active outages that are back, with when they came back
     * @param transformersOut "feeder/transformer" of the transformers with an active outage
     * @param time an instant in the local time of a feeder, as the pages show it
     */
    static Drawing draw(List<OutageRows.MeterOnMap> points, Map<Long, Instant> backOn, Set<String> transformersOut,
            BiFunction<Instant, String, String> time) {
        Map<Mark, Integer> counts = new EnumMap<>(Mark.class);
        for (Mark mark : Mark.values()) {
            counts.put(mark, 0);
        }
        List<OutageRows.MeterOnMap> placed = new ArrayList<>();
        int unplaced = 0;
        for (OutageRows.MeterOnMap point : points) {
            counts.merge(mark(point, backOn), 1, Integer::sum);
            if (point.latitude() == null || point.longitude() == null) {
                unplaced++;
            } else {
                placed.add(point);
            }
        }
        if (placed.isEmpty()) {
            return new Drawing("", counts, unplaced);
        }
        Projection projection = Projection.fit(placed);
        double radius = placed.size() <= 200 ? 5 : placed.size() <= 2000 ? 3.5 : 2;
        StringBuilder svg = new StringBuilder(placed.size() * 140 + 2000);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"mdms-map\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"Map of ").append(placed.size())
                .append(" usage points by state\">");
        svg.append("<defs>")
                .append("<circle id=\"mdms-mark-on\" r=\"").append(num(radius * 0.8)).append("\"/>")
                .append("<circle id=\"mdms-mark-restored\" r=\"").append(num(radius)).append("\"/>")
                .append("<path id=\"mdms-mark-pending\" d=\"M0,").append(num(-radius * 1.2)).append(" L")
                .append(num(radius * 1.1)).append(',').append(num(radius * 0.8)).append(" L")
                .append(num(-radius * 1.1)).append(',').append(num(radius * 0.8)).append(" Z\"/>")
                .append("<rect id=\"mdms-mark-out\" x=\"").append(num(-radius)).append("\" y=\"").append(num(-radius))
                .append("\" width=\"").append(num(2 * radius)).append("\" height=\"").append(num(2 * radius))
                .append("\"/></defs>");
        svg.append("<rect class=\"ground\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\"/>");
        groups(svg, placed, projection, transformersOut, radius);
        for (Mark mark : Mark.values()) {
            for (OutageRows.MeterOnMap point : placed) {
                if (mark(point, backOn) == mark) {
                    svg.append("<use href=\"#mdms-mark-").append(mark.css).append("\" class=\"").append(mark.css)
                            .append("\" x=\"").append(num(projection.x(point))).append("\" y=\"")
                            .append(num(projection.y(point))).append("\"><title>")
                            .append(escape(title(point, mark, backOn.get(point.usagePointId()), time)))
                            .append("</title></use>");
                }
            }
        }
        svg.append("</svg>");
        return new Drawing(svg.toString(), counts, unplaced);
    }

    static Mark mark(OutageRows.MeterOnMap point, Map<Long, Instant> backOn) {
        return switch (point.state()) {
            case "OUT" -> Mark.OUT;
            case "PENDING" -> Mark.PENDING;
            default -> backOn.containsKey(point.usagePointId()) ? Mark.RESTORED : Mark.ON;
        };
    }

    /** "UP-7 · meter M7 · transformer T1 · out since 2013-10-27 01:30 +01:00". */
    static String title(OutageRows.MeterOnMap point, Mark mark, Instant backAt,
            BiFunction<Instant, String, String> time) {
        StringBuilder title = new StringBuilder(point.code());
        if (point.meterSerial() != null) {
            title.append(" · meter ").append(point.meterSerial());
        }
        if (point.transformer() != null) {
            title.append(" · transformer ").append(point.transformer());
        }
        title.append(" · ").append(switch (mark) {
            case OUT -> "out since " + time.apply(point.offAt(), point.feeder());
            case PENDING -> "last gasp at " + time.apply(point.offAt(), point.feeder()) + ", not yet confirmed";
            case RESTORED -> "back on at " + time.apply(backAt, point.feeder());
            case ON -> "on";
        });
        return title.toString();
    }

    /**
     * The area of each transformer's usage points: their convex hull drawn with a wide round stroke
     * (the hull grown by a margin, whatever its shape, even one point or a line), labelled with the
     * transformer's name when there are few.
     */
    private static void groups(StringBuilder svg, List<OutageRows.MeterOnMap> placed, Projection projection,
            Set<String> transformersOut, double radius) {
        Map<String, List<double[]>> groups = new LinkedHashMap<>();
        boolean feeders = placed.stream().map(OutageRows.MeterOnMap::feeder).distinct().count() > 1;
        for (OutageRows.MeterOnMap point : placed) {
            if (point.transformer() != null) {
                groups.computeIfAbsent(point.feeder() + "/" + point.transformer(), k -> new ArrayList<>())
                        .add(new double[] {projection.x(point), projection.y(point)});
            }
        }
        if (groups.size() > DRAWN_GROUPS) {
            return;
        }
        double margin = radius + 6;
        for (Map.Entry<String, List<double[]>> group : groups.entrySet()) {
            List<double[]> hull = hull(group.getValue());
            boolean out = transformersOut.contains(group.getKey());
            svg.append("<polygon class=\"group").append(out ? " group-out" : "").append("\" stroke-width=\"")
                    .append(num(2 * margin)).append("\" points=\"");
            for (double[] p : hull) {
                svg.append(num(p[0])).append(',').append(num(p[1])).append(' ');
            }
            svg.setLength(svg.length() - 1);
            svg.append("\"/>");
            if (groups.size() <= LABELLED_GROUPS) {
                String key = group.getKey();
                String label = feeders ? key : key.substring(key.indexOf('/') + 1);
                double top = hull.stream().mapToDouble(p -> p[1]).min().orElse(0) - margin - 3;
                double middle = hull.stream().mapToDouble(p -> p[0]).average().orElse(0);
                svg.append("<text class=\"group-label").append(out ? " group-out" : "").append("\" x=\"")
                        .append(num(middle)).append("\" y=\"").append(num(Math.max(10, top))).append("\">")
                        .append(escape(label)).append("</text>");
            }
        }
    }

    /** The convex hull of the points (Andrew's monotone chain); a point twice, two points as they are. */
    static List<double[]> hull(List<double[]> points) {
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        if (sorted.size() == 1) {
            // A zero-length closed path: its round stroke is a disc.
            return List.of(sorted.get(0), sorted.get(0));
        }
        if (sorted.size() == 2) {
            return sorted;
        }
        double[][] hull = new double[2 * sorted.size()][];
        int k = 0;
        for (double[] p : sorted) {
            while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0) {
                k--;
            }
            hull[k++] = p;
        }
        for (int i = sorted.size() - 2, lower = k + 1; i >= 0; i--) {
            double[] p = sorted.get(i);
            while (k >= lower && cross(hull[k - 2], hull[k - 1], p) <= 0) {
                k--;
            }
            hull[k++] = p;
        }
        return Arrays.asList(hull).subList(0, k - 1);
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }

    /** Latitude and longitude to the box: equirectangular, scaled to fit, centred. */
    record Projection(double minLon, double maxLat, double k, double scale, double offsetX, double offsetY) {

        static Projection fit(List<OutageRows.MeterOnMap> points) {
            double minLat = Double.MAX_VALUE;
            double maxLat = -Double.MAX_VALUE;
            double minLon = Double.MAX_VALUE;
            double maxLon = -Double.MAX_VALUE;
            for (OutageRows.MeterOnMap point : points) {
                double lat = point.latitude().doubleValue();
                double lon = point.longitude().doubleValue();
                minLat = Math.min(minLat, lat);
                maxLat = Math.max(maxLat, lat);
                minLon = Math.min(minLon, lon);
                maxLon = Math.max(maxLon, lon);
            }
            double k = Math.cos(Math.toRadians((minLat + maxLat) / 2));
            double width = (maxLon - minLon) * k;
            double height = maxLat - minLat;
            double innerWidth = WIDTH - 2.0 * PAD;
            double innerHeight = HEIGHT - 2.0 * PAD;
            // Never closer than MIN_SPAN: a street's few meters stay a cluster with room around it, and
            // one point (or all in one place) lands in the middle.
            double scale = Math.min(innerWidth / Math.max(width, MIN_SPAN), innerHeight / Math.max(height, MIN_SPAN));
            return new Projection(minLon, maxLat, k, scale, PAD + (innerWidth - width * scale) / 2,
                    PAD + (innerHeight - height * scale) / 2);
        }

        double x(OutageRows.MeterOnMap point) {
            return offsetX + (point.longitude().doubleValue() - minLon) * k * scale;
        }

        double y(OutageRows.MeterOnMap point) {
            return offsetY + (maxLat - point.latitude().doubleValue()) * scale;
        }
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
