package org.openmdms.billing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** One named period of a season and day type, in local times "HH:MM" [start, end), "24:00" ending the day. */
@Embeddable
public class DayPeriodRow implements Serializable {

    @Column(name = "day_type", nullable = false, length = 16)
    private String dayType;

    @Column(name = "start_time", nullable = false, length = 5)
    private String start;

    @Column(name = "end_time", nullable = false, length = 5)
    private String end;

    @Column(nullable = false, length = 64)
    private String period;

    protected DayPeriodRow() {
    }

    public DayPeriodRow(String dayType, String start, String end, String period) {
        this.dayType = dayType;
        this.start = start;
        this.end = end;
        this.period = period;
    }

    /** WEEKDAY, SATURDAY, SUNDAY or HOLIDAY. */
    public String dayType() {
        return dayType;
    }

    public String start() {
        return start;
    }

    public String end() {
        return end;
    }

    public String period() {
        return period;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DayPeriodRow other && dayType.equals(other.dayType) && start.equals(other.start)
                && end.equals(other.end) && period.equals(other.period);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dayType, start, end, period);
    }
}
