package org.openmdms.schedule.control;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * A Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year]) in a time
 * zone: checked when it is made, with a plain-English description and its next fire times, for the
 * administrators who edit schedules.
 */
public final class CronSchedule {

    private static final Map<String, String> DAYS = Map.of("1", "Sunday", "2", "Monday", "3", "Tuesday",
            "4", "Wednesday", "5", "Thursday", "6", "Friday", "7", "Saturday");
    private static final Map<String, String> DAY_NAMES = Map.of("SUN", "Sunday", "MON", "Monday", "TUE", "Tuesday",
            "WED", "Wednesday", "THU", "Thursday", "FRI", "Friday", "SAT", "Saturday");
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    private final String expression;
    private final ZoneId zone;
    private final CronExpression cron;

    private CronSchedule(String expression, ZoneId zone, CronExpression cron) {
        this.expression = expression;
        this.zone = zone;
        this.cron = cron;
    }

    /** The schedule, or IllegalArgumentException saying what is wrong with the expression. */
    public static CronSchedule of(String expression, ZoneId zone) {
        String text = expression == null ? "" : expression.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("A cron expression is required, e.g. '0 15 2 * * ?' (every day at 02:15)");
        }
        int fields = text.split(" ").length;
        if (fields < 6 || fields > 7) {
            throw new IllegalArgumentException("Invalid cron expression '" + text + "': it has " + fields
                    + " fields; Quartz wants 6 or 7: seconds minutes hours day-of-month month day-of-week [year],"
                    + " e.g. '0 15 2 * * ?' (every day at 02:15)");
        }
        try {
            CronExpression cron = new CronExpression(text);
            cron.setTimeZone(TimeZone.getTimeZone(zone));
            if (cron.getNextValidTimeAfter(new Date()) == null) {
                throw new IllegalArgumentException("Cron expression '" + text + "' never fires again");
            }
            return new CronSchedule(text, zone, cron);
        } catch (ParseException e) {
            throw new IllegalArgumentException("Invalid cron expression '" + text + "': " + e.getMessage()
                    + " (fields: seconds minutes hours day-of-month month day-of-week [year]; one of day-of-month"
                    + " and day-of-week must be '?', e.g. '0 15 2 * * ?')", e);
        }
    }

    public String expression() {
        return expression;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The next fire times strictly after the instant. */
    public List<Instant> nextAfter(Instant after, int count) {
        List<Instant> times = new ArrayList<>();
        Date at = Date.from(after);
        while (times.size() < count) {
            at = cron.getNextValidTimeAfter(at);
            if (at == null) {
                break;
            }
            times.add(at.toInstant());
        }
        return times;
    }

    /** A plain-English reading of the common shapes; other expressions are read field by field. */
    public String describe() {
        String[] f = expression.toUpperCase(Locale.ROOT).split(" ");
        String when = time(f[0], f[1], f[2]);
        String days = days(f[3], f[5]);
        String months = "*".equals(f[4]) ? "" : " in " + months(f[4]);
        String years = f.length == 7 && !"*".equals(f[6]) ? " in " + f[6] : "";
        boolean repeating = when.startsWith("every") && "every day".equals(days);
        return capitalise(repeating ? when : when + ", " + days) + months + years + " (" + zone.getId() + ")";
    }

    private static String time(String sec, String min, String hour) {
        if (isNumber(sec) && isNumber(min) && isNumber(hour)) {
            return "at " + clock(hour, min, sec);
        }
        if (isNumber(sec) && isNumber(min) && isList(hour)) {
            List<String> times = new ArrayList<>();
            for (String h : hour.split(",")) {
                times.add(clock(h, min, sec));
            }
            return "at " + String.join(" and ", times);
        }
        if (sec.startsWith("0/") || sec.startsWith("*/")) {
            if ("*".equals(min) && "*".equals(hour)) {
                return "every " + plural(sec.substring(2), "second");
            }
        }
        if (isNumber(sec) && (min.startsWith("0/") || min.startsWith("*/")) && "*".equals(hour)) {
            return "every " + plural(min.substring(2), "minute");
        }
        if (isNumber(sec) && isNumber(min) && "*".equals(hour)) {
            return "every hour at minute " + Integer.parseInt(min);
        }
        if (isNumber(sec) && isNumber(min) && (hour.startsWith("0/") || hour.startsWith("*/"))) {
            return "every " + plural(hour.substring(2), "hour") + " at minute " + Integer.parseInt(min);
        }
        return "at second " + sec + ", minute " + min + ", hour " + hour;
    }

    private static String days(String dayOfMonth, String dayOfWeek) {
        boolean everyMonthDay = "*".equals(dayOfMonth) || "?".equals(dayOfMonth);
        boolean everyWeekDay = "*".equals(dayOfWeek) || "?".equals(dayOfWeek);
        if (everyMonthDay && everyWeekDay) {
            return "every day";
        }
        if (everyMonthDay) {
            return "on " + weekDays(dayOfWeek);
        }
        if ("L".equals(dayOfMonth)) {
            return "on the last day of the month";
        }
        return "on day " + dayOfMonth.replace(",", ", ") + " of the month";
    }

    private static String weekDays(String field) {
        if (field.matches("[A-Z0-9]+-[A-Z0-9]+")) {
            String[] range = field.split("-");
            return dayName(range[0]) + " to " + dayName(range[1]);
        }
        if (field.matches("[A-Z0-9]+(,[A-Z0-9]+)*")) {
            List<String> names = new ArrayList<>();
            for (String d : field.split(",")) {
                names.add(dayName(d));
            }
            return String.join(", ", names);
        }
        return "days of week " + field;
    }

    private static String dayName(String day) {
        return DAY_NAMES.getOrDefault(day, DAYS.getOrDefault(day, day));
    }

    private static String months(String field) {
        if (field.matches("\\d+(,\\d+)*")) {
            List<String> names = new ArrayList<>();
            for (String m : field.split(",")) {
                int month = Integer.parseInt(m);
                names.add(month >= 1 && month <= 12 ? MONTHS[month - 1] : m);
            }
            return String.join(", ", names);
        }
        return "months " + field;
    }

    private static String clock(String hour, String min, String sec) {
        String hm = String.format(Locale.ROOT, "%02d:%02d", Integer.parseInt(hour), Integer.parseInt(min));
        return Integer.parseInt(sec) == 0 ? hm : hm + String.format(Locale.ROOT, ":%02d", Integer.parseInt(sec));
    }

    private static String plural(String n, String unit) {
        return "1".equals(n) ? unit : n + " " + unit + "s";
    }

    private static boolean isNumber(String field) {
        return field.matches("\\d{1,2}");
    }

    private static boolean isList(String field) {
        return field.matches("\\d{1,2}(,\\d{1,2})+");
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
