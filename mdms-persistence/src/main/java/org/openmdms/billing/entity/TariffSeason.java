package org.openmdms.billing.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A season of a seasonal tariff: month-days [start, end) as "MM-DD", with its periods per day type. */
@Entity
@Table(name = "tou_season")
public class TariffSeason implements Serializable {

    /** The season's key: its tariff and its place among the tariff's seasons. */
    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "schedule_id")
        private Long scheduleId;

        @Column(name = "position")
        private int position;

        protected Key() {
        }

        Key(int position) {
            this.position = position;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(scheduleId, other.scheduleId) && position == other.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(scheduleId, position);
        }
    }

    @EmbeddedId
    private Key key;

    @MapsId("scheduleId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "schedule_id")
    private Tariff tariff;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(name = "start_day", nullable = false, length = 5)
    private String startDay;

    @Column(name = "end_day", nullable = false, length = 5)
    private String endDay;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "tou_day_period", joinColumns = {
        @JoinColumn(name = "schedule_id", referencedColumnName = "schedule_id"),
        @JoinColumn(name = "season_position", referencedColumnName = "position")})
    private Set<DayPeriodRow> periods = new LinkedHashSet<>();

    protected TariffSeason() {
    }

    TariffSeason(Tariff tariff, int position, String name, String startDay, String endDay, List<DayPeriodRow> periods) {
        this.key = new Key(position);
        this.tariff = tariff;
        this.name = name;
        this.startDay = startDay;
        this.endDay = endDay;
        this.periods.addAll(periods);
    }

    public int position() {
        return key.position;
    }

    public String name() {
        return name;
    }

    public String startDay() {
        return startDay;
    }

    public String endDay() {
        return endDay;
    }

    /** The periods of every day type, by day type and start time. */
    public List<DayPeriodRow> periods() {
        List<DayPeriodRow> sorted = new ArrayList<>(periods);
        sorted.sort(java.util.Comparator.comparing(DayPeriodRow::dayType).thenComparing(DayPeriodRow::start));
        return Collections.unmodifiableList(sorted);
    }
}
