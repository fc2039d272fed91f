package org.openmdms.bench.vee;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.Unit;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;
import org.openmdms.vee.control.HolidayCalendar;
import org.openmdms.vee.control.IntervalSeries;
import org.openmdms.vee.control.LikeDayTotals;
import org.openmdms.vee.control.Slot;
import org.openmdms.vee.control.StoredSlots;
import org.openmdms.vee.control.VeeContext;

/**
 * One channel-day as the VEE worker judges a daily file: a London household's 96 quarter-hours of
 * Thursday 14 March 2013 ({@link ChannelMonth}'s load shape, seeded), complete and without a spike,
 * its raw history not loaded (an empty series) and its like days the 28 stored daily totals before it
 * — what {@code VeeRunner} builds for each channel of a batch once the reads are at hand.
 */
final class ChannelDay {

    static final int JUDGED_INTERVALS = 96;

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate DAY = LocalDate.of(2013, 3, 14);
    private static final int MINUTES = 15;

    private final StoredSlots stored;
    private final LikeDayTotals likeDays;

    ChannelDay() {
        Random random = new Random(2013);
        long step = MINUTES * 60L;
        Instant first = DAY.atStartOfDay(LONDON).toInstant().plusSeconds(step);
        Instant after = DAY.plusDays(1).atStartOfDay(LONDON).toInstant().plusSeconds(step);
        stored = new StoredSlots(first, after, MINUTES);
        List<Slot> reads = new ArrayList<>();
        for (Instant end = first; end.isBefore(after); end = end.plusSeconds(step)) {
            reads.add(new Slot(end, value(end.minusSeconds(step).atZone(LONDON), random), Quality.VALID, ReadSource.ACTUAL));
        }
        reads.forEach(stored::put);
        List<LikeDayTotals.DayTotal> days = new ArrayList<>();
        for (LocalDate day = DAY.minusDays(28); day.isBefore(DAY); day = day.plusDays(1)) {
            BigDecimal total = BigDecimal.ZERO;
            for (ZonedDateTime start = day.atStartOfDay(LONDON); start.toLocalDate().equals(day); start = start.plusMinutes(MINUTES)) {
                total = total.add(value(start, random));
            }
            days.add(new LikeDayTotals.DayTotal(day, total, 96, 0, 0, 96));
        }
        likeDays = LikeDayTotals.fromDailyTotals(days, new HashSet<>());
    }

    /** A quarter-hour's kWh: {@link ChannelMonth}'s load shape with ±15 % noise. */
    private static BigDecimal value(ZonedDateTime start, Random random) {
        return BigDecimal.valueOf(ChannelMonth.kw(start) / 4 * (0.85 + 0.3 * random.nextDouble()))
                .setScale(3, RoundingMode.HALF_UP);
    }

    /** The context as VeeRunner makes it per channel: the judged series built from the stored reads. */
    VeeContext context() {
        IntervalSeries judged = IntervalSeries.of(LONDON, MINUTES, DAY, DAY.plusDays(1), stored);
        IntervalSeries history = IntervalSeries.empty(LONDON, MINUTES, DAY.minusDays(28), DAY);
        return new VeeContext(42L, Unit.KWH, FlowDirection.DELIVERED, judged, history, likeDays,
                List.of(new VeeContext.Installed(Instant.parse("2012-01-01T00:00:00Z"), null)), List.of(),
                new BigDecimal("15"), HolidayCalendar.none());
    }
}
