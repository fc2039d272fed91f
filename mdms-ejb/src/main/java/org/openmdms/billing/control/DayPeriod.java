package org.openmdms.billing.control;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * One TOU period of a day type, as a range of local clock time [start, end): "on-peak from 16:00 to
 * 21:00". An end of 00:00 means midnight at the end of the day (24:00); a start after the end wraps
 * midnight ("off-peak 21:00–07:00" covers 21:00–24:00 and 00:00–07:00); a start equal to the end
 * covers the whole day. Times are whole minutes: the periods are matched against interval starts.
 */
public record DayPeriod(String period, LocalTime start, LocalTime end) {

    public DayPeriod {
        TouSchedule.checkPeriodName(period);
        checkWholeMinute(start, period);
        checkWholeMinute(end, period);
    }

    /** A period from "HH:mm" to "HH:mm", where the end may be written "24:00". */
    public static DayPeriod of(String period, String start, String end) {
        LocalTime to = "24:00".equals(end) ? LocalTime.MIDNIGHT : parse(end, period);
        return new DayPeriod(period, parse(start, period), to);
    }

    /** First minute of the day covered, 0–1439. */
    int startMinute() {
        return minuteOfDay(start);
    }

    /** Minute after the last one covered, 1–1440 (1440 = midnight at the end of the day). */
    int endMinute() {
        int end = minuteOfDay(this.end);
        return end <= startMinute() ? end + 1440 : end;
    }

    /** Whether this period covers the minute of the day (0–1439). */
    boolean covers(int minuteOfDay) {
        int from = startMinute();
        int to = endMinute();
        return minuteOfDay >= from && minuteOfDay < to || minuteOfDay + 1440 >= from && minuteOfDay + 1440 < to;
    }

    static int minuteOfDay(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    private static LocalTime parse(String time, String period) {
        try {
            return LocalTime.parse(time);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("period " + period + ": " + time + " is not a time HH:mm", e);
        }
    }

    private static void checkWholeMinute(LocalTime time, String period) {
        if (time == null) {
            throw new IllegalArgumentException("period " + period + " needs a start and an end");
        }
        if (time.getSecond() != 0 || time.getNano() != 0) {
            throw new IllegalArgumentException("period " + period + ": " + time + " is not a whole minute");
        }
    }

    @Override
    public String toString() {
        return period + " " + start + "–" + (end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString());
    }
}
