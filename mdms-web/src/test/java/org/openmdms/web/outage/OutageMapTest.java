package org.openmdms.web.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openmdms.outage.store.OutageRows;
import org.openmdms.web.Times;

class OutageMapTest {

    private static final Instant OFF = Instant.parse("2013-10-27T00:30:00Z");
    private final Times times = new Times();

    private static OutageRows.MeterOnMap point(long id, String transformer, String lat, String lon, String state) {
        return new OutageRows.MeterOnMap(id, "UP-" + id, "M" + id, "F1", transformer,
                lat == null ? null : new BigDecimal(lat), lon == null ? null : new BigDecimal(lon), state,
                "ON".equals(state) ? null : OFF, null);
    }

    private OutageMap.Drawing draw(List<OutageRows.MeterOnMap> points, Map<Long, Instant> backOn) {
        return OutageMap.draw(points, backOn, Set.of("F1/T1"), (at, feeder) -> times.local(at, "Europe/London"));
    }

    @Test
    void eachStateHasItsColourAndShapeAndATooltipInLocalTime() {
        OutageMap.Drawing map = draw(List.of(point(1, "T1", "51.50", "-0.10", "OUT"),
                point(2, "T1", "51.51", "-0.11", "PENDING"), point(3, "T1", "51.52", "-0.12", "ON"),
                point(4, "T2", "51.53", "-0.13", "ON")), Map.of(3L, OFF.plusSeconds(600)));

        assertEquals(Map.of(OutageMap.Mark.OUT, 1, OutageMap.Mark.PENDING, 1, OutageMap.Mark.RESTORED, 1,
                OutageMap.Mark.ON, 1), map.counts());
        String svg = map.svg();
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertTrue(svg.contains("href=\"#mdms-mark-out\" class=\"out\""), svg);
        assertTrue(svg.contains("<title>UP-1 · meter M1 · transformer T1 · out since 2013-10-27 01:30 +01:00</title>"), svg);
        assertTrue(svg.contains("UP-2 · meter M2 · transformer T1 · last gasp at 2013-10-27 01:30 +01:00, not yet confirmed"), svg);
        assertTrue(svg.contains("UP-3 · meter M3 · transformer T1 · back on at 2013-10-27 01:40 +01:00"), svg);
        assertTrue(svg.contains("UP-4 · meter M4 · transformer T2 · on</title>"), svg);
        // T1 is out: its area is red; T2's is not.
        assertEquals(1, count(svg, "class=\"group group-out\""));
        assertEquals(1, count(svg, "class=\"group\""));
        // The most urgent on top: out drawn last.
        assertTrue(svg.indexOf("class=\"on\"") < svg.indexOf("class=\"restored\"")
                && svg.indexOf("class=\"restored\"") < svg.indexOf("class=\"pending\"")
                && svg.indexOf("class=\"pending\"") < svg.indexOf("class=\"out\""), svg);
    }

    @Test
    void pointsFillTheBoxKeepingTheirShapeNorthUp() {
        // Two points 0.1° apart east-west and 0.05° north-south at 60°N: 0.1 × cos 60° = 0.05, a square.
        OutageMap.Drawing map = draw(List.of(point(1, null, "60.00", "10.00", "OUT"),
                point(2, null, "60.05", "10.10", "OUT")), Map.of());
        List<double[]> xy = positions(map.svg());
        assertEquals(2, xy.size());
        double dx = xy.get(1)[0] - xy.get(0)[0];
        double dy = xy.get(0)[1] - xy.get(1)[1];
        assertEquals(dx, dy, 2.0, "equal distances on the ground are equal on the map");
        assertTrue(dy > 0, "north is up");
        for (double[] p : xy) {
            assertTrue(p[0] >= 0 && p[0] <= OutageMap.WIDTH && p[1] >= 0 && p[1] <= OutageMap.HEIGHT);
        }
        assertEquals(OutageMap.HEIGHT - 2 * 28, dy, 2.0, "the taller extent fills the box");
    }

    @Test
    void aStreetIsNotBlownUpToTheWholeBox() {
        // 0.001° north-south (about 110 m): a tenth of the smallest extent shown, in the middle.
        List<double[]> xy = positions(draw(List.of(point(1, null, "51.5000", "-0.1", "OUT"),
                point(2, null, "51.5010", "-0.1", "OUT")), Map.of()).svg());
        assertEquals((OutageMap.HEIGHT - 2 * 28) / 10.0, xy.get(0)[1] - xy.get(1)[1], 1.0);
        assertEquals(OutageMap.HEIGHT / 2.0, (xy.get(0)[1] + xy.get(1)[1]) / 2, 1.0);
    }

    @Test
    void onePointLandsInTheMiddleAndPointsWithoutCoordinatesAreCountedNotDrawn() {
        OutageMap.Drawing map = draw(List.of(point(1, "T1", "51.5", "-0.1", "OUT"), point(2, "T1", null, null, "OUT")),
                Map.of());
        List<double[]> xy = positions(map.svg());
        assertEquals(1, xy.size());
        assertEquals(OutageMap.WIDTH / 2.0, xy.get(0)[0], 0.1);
        assertEquals(OutageMap.HEIGHT / 2.0, xy.get(0)[1], 0.1);
        assertEquals(1, map.unplaced());
        assertEquals(2, map.count("OUT"));
        assertEquals(2, map.getTotal());
    }

    @Test
    void aTransformersAreaIsTheHullOfItsPoints() {
        List<double[]> square = List.of(new double[] {0, 0}, new double[] {10, 0}, new double[] {5, 5},
                new double[] {10, 10}, new double[] {0, 10}, new double[] {5, 0});
        List<double[]> hull = OutageMap.hull(square);
        assertEquals(List.of("0.0,0.0", "10.0,0.0", "10.0,10.0", "0.0,10.0"),
                hull.stream().map(p -> p[0] + "," + p[1]).toList(), "corners only, in order");
        assertEquals(2, OutageMap.hull(List.of(new double[] {1, 1}, new double[] {2, 2}, new double[] {3, 3})).size(),
                "points on a line: its ends");
        assertEquals(2, OutageMap.hull(List.<double[]>of(new double[] {1, 1})).size(), "one point: twice");
    }

    @Test
    void nothingToDrawIsAnEmptyDrawing() {
        OutageMap.Drawing map = draw(List.of(), Map.of());
        assertEquals("", map.svg());
        assertEquals(0, map.getTotal());
    }

    @Test
    void textIsEscaped() {
        OutageRows.MeterOnMap odd = new OutageRows.MeterOnMap(1, "A<&>\"B", null, "F1", "T<1>", BigDecimal.ONE,
                BigDecimal.ONE, "ON", null, null);
        String svg = draw(List.of(odd), Map.of()).svg();
        assertTrue(svg.contains("<title>A&lt;&amp;&gt;&quot;B · transformer T&lt;1&gt; · on</title>"), svg);
        assertTrue(svg.contains(">T&lt;1&gt;</text>"), svg);
    }

    @Test
    void aFleetOfTwentyThousandIsDrawnSmall() {
        List<OutageRows.MeterOnMap> points = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            points.add(point(i, "T" + i / 100, String.valueOf(51 + i % 200 * 0.001), String.valueOf(i / 200 * 0.001),
                    i % 7 == 0 ? "OUT" : "ON"));
        }
        String svg = draw(points, Map.of()).svg();
        assertEquals(20_000, count(svg, "<use "));
        assertTrue(svg.length() < 20_000 * 160, "about 150 bytes a point: " + svg.length());
        assertEquals(0, count(svg, "<text"), "200 transformer rings are not labelled");
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    private static List<double[]> positions(String svg) {
        List<double[]> xy = new ArrayList<>();
        Matcher m = Pattern.compile("<use [^>]* x=\"([-0-9.]+)\" y=\"([-0-9.]+)\"").matcher(svg);
        while (m.find()) {
            xy.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        }
        return xy;
    }
}
