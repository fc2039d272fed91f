package org.openmdms.billing.boundary;

import java.time.Instant;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import org.openmdms.billing.control.CalendarSchedule;
import org.openmdms.billing.control.DayPeriod;
import org.openmdms.billing.control.DaySchedule;
import org.openmdms.billing.control.Season;
import org.openmdms.billing.control.SeasonalSchedule;
import org.openmdms.billing.control.TouSchedule;
import org.openmdms.billing.entity.DayPeriodRow;
import org.openmdms.billing.entity.Tariff;
import org.openmdms.billing.entity.TariffSeason;
import org.openmdms.vee.control.HolidayCalendar;

/** Turns a stored tariff into the TOU schedule the determinants are calculated with (validated there). */
final class TariffSchedules {

    private TariffSchedules() {
    }

    /**
     * The tariff's schedule: its seasons (SEASONAL) or the published periods given (CALENDAR, the
     * intervals of the span being calculated).
     */
    static TouSchedule of(Tariff tariff, HolidayCalendar holidays, NavigableMap<Instant, String> published) {
        if (tariff.kind() == Tariff.Kind.CALENDAR) {
            if (tariff.calendarIntervalMinutes() == null) {
                throw new IllegalArgumentException("calendar tariff " + tariff.code() + " has no interval length");
            }
            return new CalendarSchedule(tariff.code(), tariff.calendarIntervalMinutes(), published,
                    tariff.demandWindowMinutes());
        }
        List<Season> seasons = new ArrayList<>();
        for (TariffSeason season : tariff.seasons()) {
            seasons.add(season(season, tariff.holidaysAsSunday()));
        }
        return new SeasonalSchedule(tariff.code(), seasons, holidays, tariff.holidaysAsSunday(),
                tariff.demandWindowMinutes());
    }

    private static Season season(TariffSeason season, boolean holidaysAsSunday) {
        List<String> problems = new ArrayList<>();
        DaySchedule weekday = day(season, "WEEKDAY", problems);
        DaySchedule saturday = day(season, "SATURDAY", problems);
        DaySchedule sunday = day(season, "SUNDAY", problems);
        DaySchedule holiday = holidaysAsSunday ? null : day(season, "HOLIDAY", problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new Season(season.name(), MonthDay.parse("--" + season.startDay()), MonthDay.parse("--" + season.endDay()),
                weekday, saturday, sunday, holiday);
    }

    private static DaySchedule day(TariffSeason season, String dayType, List<String> problems) {
        List<DayPeriod> periods = season.periods().stream().filter(p -> p.dayType().equals(dayType))
                .map(TariffSchedules::period).toList();
        List<String> found = DaySchedule.problems(periods);
        if (!found.isEmpty()) {
            found.forEach(p -> problems.add("season " + season.name() + ", " + dayType.toLowerCase(java.util.Locale.ROOT)
                    + ": " + p));
            return null;
        }
        return DaySchedule.of(periods);
    }

    private static DayPeriod period(DayPeriodRow row) {
        return DayPeriod.of(row.period(), row.start(), row.end());
    }
}
