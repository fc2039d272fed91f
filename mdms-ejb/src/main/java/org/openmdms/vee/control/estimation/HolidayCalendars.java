package org.openmdms.vee.control.estimation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.openmdms.vee.control.HolidayCalendar;

/**
 * The holiday calendars built into the product, by id: {@code england-and-wales} (the bank holidays
 * of England and Wales, 2012–2015, substitute days included, as published on gov.uk) and
 * {@code none}. They cover the demo data (London, 2013). Administrators will later maintain
 * calendars in the database, per usage point or rate, and the time-of-use schedules will reuse the
 * same calendars; until then a usage point's calendar is one of these ids.
 */
public final class HolidayCalendars {

    public static final String ENGLAND_AND_WALES = "england-and-wales";
    public static final String NONE = "none";

    private static final Map<String, HolidayCalendar> CALENDARS = Map.of(
            ENGLAND_AND_WALES, new HolidayCalendar(ENGLAND_AND_WALES, englandAndWales()),
            NONE, HolidayCalendar.none());

    private HolidayCalendars() {
    }

    public static Set<String> ids() {
        return CALENDARS.keySet();
    }

    /** The calendar with this id; refuses an unknown id rather than silently having no holidays. */
    public static HolidayCalendar byId(String id) {
        HolidayCalendar calendar = CALENDARS.get(id);
        if (calendar == null) {
            throw new IllegalArgumentException("no holiday calendar " + id + "; known: " + CALENDARS.keySet());
        }
        return calendar;
    }

    private static Map<LocalDate, String> englandAndWales() {
        Map<LocalDate, String> days = new LinkedHashMap<>();
        year(days, 2012, "01-02 New Year's Day (substitute day)", "04-06 Good Friday", "04-09 Easter Monday",
                "05-07 Early May bank holiday", "06-04 Spring bank holiday", "06-05 Queen's Diamond Jubilee",
                "08-27 Summer bank holiday", "12-25 Christmas Day", "12-26 Boxing Day");
        year(days, 2013, "01-01 New Year's Day", "03-29 Good Friday", "04-01 Easter Monday",
                "05-06 Early May bank holiday", "05-27 Spring bank holiday", "08-26 Summer bank holiday",
                "12-25 Christmas Day", "12-26 Boxing Day");
        year(days, 2014, "01-01 New Year's Day", "04-18 Good Friday", "04-21 Easter Monday",
                "05-05 Early May bank holiday", "05-26 Spring bank holiday", "08-25 Summer bank holiday",
                "12-25 Christmas Day", "12-26 Boxing Day");
        year(days, 2015, "01-01 New Year's Day", "04-03 Good Friday", "04-06 Easter Monday",
                "05-04 Early May bank holiday", "05-25 Spring bank holiday", "08-31 Summer bank holiday",
                "12-25 Christmas Day", "12-28 Boxing Day (substitute day)");
        return days;
    }

    /** Adds a year's holidays given as "MM-dd name". */
    private static void year(Map<LocalDate, String> days, int year, String... holidays) {
        for (String holiday : holidays) {
            days.put(LocalDate.parse(year + "-" + holiday.substring(0, 5)), holiday.substring(6));
        }
    }
}
