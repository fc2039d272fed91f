package org.openmdms.web.billing;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openmdms.billing.boundary.Tariffs;
import org.openmdms.billing.entity.Holidays;
import org.openmdms.web.Messages;

/**
 * admin/holiday-calendars.xhtml: the holiday calendars that tariffs (and VEE's like-day estimation)
 * use. An administrator picks one or starts a new one, and edits its name and days (date + name).
 */
@Named
@ViewScoped
public class HolidayCalendarPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Tariffs tariffs;

    /** A holiday row as edited. */
    public static class Day implements Serializable {
        private static final long serialVersionUID = 1L;
        private LocalDate date;
        private String name;

        public LocalDate getDate() {
            return date;
        }

        public void setDate(LocalDate date) {
            this.date = date;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    private List<Holidays> calendars = List.of();
    private String code;
    private String newCode;
    private String name;
    private final List<Day> days = new ArrayList<>();

    public void load() {
        calendars = tariffs.holidayCalendars();
        if (code == null && !calendars.isEmpty()) {
            code = calendars.get(0).code();
        }
        show();
    }

    /** Shows the chosen calendar in the form (an empty form for a new one). */
    public void show() {
        days.clear();
        name = null;
        calendars.stream().filter(h -> h.code().equals(code)).findFirst().ifPresent(h -> {
            name = h.name();
            h.days().forEach((date, holiday) -> {
                Day day = new Day();
                day.setDate(date);
                day.setName(holiday);
                days.add(day);
            });
        });
    }

    public void startNew() {
        code = null;
        newCode = null;
        show();
        addDay();
    }

    public void addDay() {
        days.add(new Day());
    }

    public void removeDay(int index) {
        days.remove(index);
    }

    public void save() {
        try {
            Map<LocalDate, String> byDate = new TreeMap<>();
            for (Day day : days) {
                if (day.getDate() == null) {
                    continue;
                }
                if (byDate.put(day.getDate(), day.getName() == null || day.getName().isBlank() ? "holiday"
                        : day.getName().strip()) != null) {
                    throw new IllegalArgumentException(day.getDate() + " is listed twice");
                }
            }
            String saving = code == null ? (newCode == null ? null : newCode.strip()) : code;
            Holidays saved = tariffs.saveHolidays(saving, name == null ? saving : name.strip(), byDate);
            Messages.info("Holiday calendar " + saved.code() + " saved: " + byDate.size() + " days");
            calendars = tariffs.holidayCalendars();
            code = saved.code();
            show();
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public List<Holidays> getCalendars() {
        return calendars;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getNewCode() {
        return newCode;
    }

    public void setNewCode(String newCode) {
        this.newCode = newCode;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<Day> getDays() {
        return days;
    }
}
