package org.openmdms.bench.vee;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.Unit;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;
import org.openmdms.vee.control.HolidayCalendar;
import org.openmdms.vee.control.IntervalSeries;
import org.openmdms.vee.control.Slot;
import org.openmdms.vee.control.VeeContext;

/**
 * The in-memory context VEE judges for one channel: a London household's delivered kWh half-hours of
 * March 2013 (31 days, the spring DST day with 46 half-hours included: {@value #JUDGED_INTERVALS}
 * intervals) and the 28 days of February before it as history. A residential double-hump load shape
 * (morning and evening peaks, a little more at weekends) with ±15 % noise, seeded so every run judges
 * the same numbers; three gaps in March (1, 4 and 14 half-hours: linear interpolation and like-day
 * estimation), one in February, one 3.5 kWh spike at night (the default spike rule's factor 8 and
 * floor 2 kWh flag it), a meter installed since 2012, register reads at the month's two ends and on the
 * 5th (the sum check compares the 4 gap-free days before it; it skips the rest, which has gaps) and a
 * 15 kW service capacity (so that sum-check and max-demand do their work; the VEE worker passes no
 * capacity today, which makes max-demand a no-op there).
 */
final class ChannelMonth {

    /** Half-hours of March 2013 in London: 31 × 48 − 2 (the clocks go forward on the 31st). */
    static final int JUDGED_INTERVALS = 1486;

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate FIRST = LocalDate.of(2013, 3, 1);
    static final LocalDate END = LocalDate.of(2013, 4, 1);
    /** A register read at the start of this day too: four whole days without a gap for the sum check. */
    static final LocalDate FIFTH = LocalDate.of(2013, 3, 5);
    static final LocalDate HISTORY_FIRST = FIRST.minusDays(28);
    private static final int MINUTES = 30;

    private ChannelMonth() {
    }

    static VeeContext context() {
        Random random = new Random(2013);
        Duration step = Duration.ofMinutes(MINUTES);
        Map<Instant, Slot> stored = new HashMap<>();
        BigDecimal judgedTotal = BigDecimal.ZERO;
        BigDecimal toFifth = BigDecimal.ZERO;
        Instant after = END.atStartOfDay(LONDON).toInstant().plus(step);
        for (Instant end = HISTORY_FIRST.atStartOfDay(LONDON).toInstant().plus(step); end.isBefore(after);
                end = end.plus(step)) {
            ZonedDateTime start = end.minus(step).atZone(LONDON);
            BigDecimal value = BigDecimal.valueOf(kw(start) / 2 * (0.85 + 0.3 * random.nextDouble())).setScale(3,
                    RoundingMode.HALF_UP);
            if (start.toLocalDate().equals(LocalDate.of(2013, 3, 15)) && start.getHour() == 3 && start.getMinute() == 0) {
                value = new BigDecimal("3.500");
            }
            if (!start.toLocalDate().isBefore(FIRST)) {
                judgedTotal = judgedTotal.add(value);
                if (start.toLocalDate().isBefore(FIFTH)) {
                    toFifth = toFifth.add(value);
                }
            }
            if (!gap(start)) {
                stored.put(end, new Slot(end, value, Quality.VALID, ReadSource.ACTUAL));
            }
        }
        IntervalSeries judged = IntervalSeries.of(LONDON, MINUTES, FIRST, END, stored);
        IntervalSeries history = IntervalSeries.of(LONDON, MINUTES, HISTORY_FIRST, FIRST, stored);
        if (judged.slots().size() != JUDGED_INTERVALS) {
            throw new IllegalStateException("expected " + JUDGED_INTERVALS + " judged intervals, not "
                    + judged.slots().size());
        }
        BigDecimal register = new BigDecimal("10000.000");
        List<VeeContext.RegisterReading> registerReads = List.of(
                new VeeContext.RegisterReading(FIRST.atStartOfDay(LONDON).toInstant(), register),
                new VeeContext.RegisterReading(FIFTH.atStartOfDay(LONDON).toInstant(), register.add(toFifth)),
                new VeeContext.RegisterReading(END.atStartOfDay(LONDON).toInstant(), register.add(judgedTotal)));
        return new VeeContext(42L, Unit.KWH, FlowDirection.DELIVERED, judged, history,
                List.of(new VeeContext.Installed(Instant.parse("2012-01-01T00:00:00Z"), null)), registerReads,
                new BigDecimal("15"), HolidayCalendar.none());
    }

    /**
     * The household's mean load in kW for an interval starting then: a morning and an evening peak on
     * a base load, a little more at weekends ({@link ChannelDay} uses it too).
     */
    static double kw(ZonedDateTime start) {
        double hour = start.getHour() + start.getMinute() / 60.0;
        boolean weekend = start.getDayOfWeek().getValue() >= 6;
        return 0.25 + 0.6 * Math.exp(-Math.pow(hour - 7.5, 2) / 2) + 1.3 * Math.exp(-Math.pow(hour - 19, 2) / 4)
                + (weekend ? 0.2 : 0.0);
    }

    /** The missing half-hours, by local start: three gaps in the judged month, one in the history. */
    private static boolean gap(ZonedDateTime start) {
        LocalDate day = start.toLocalDate();
        int minute = start.getHour() * 60 + start.getMinute();
        return day.equals(LocalDate.of(2013, 3, 5)) && minute == 10 * 60
                || day.equals(LocalDate.of(2013, 3, 12)) && minute >= 14 * 60 && minute < 16 * 60
                || day.equals(LocalDate.of(2013, 3, 20)) && minute >= 8 * 60 && minute < 15 * 60
                || day.equals(LocalDate.of(2013, 2, 18)) && minute >= 12 * 60 && minute < 13 * 60;
    }
}
