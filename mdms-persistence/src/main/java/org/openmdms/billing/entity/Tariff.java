package org.openmdms.billing.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A time-of-use tariff's schedule ({@code tou_schedule}): SEASONAL — seasons, day types and
 * local-time periods — or CALENDAR — the period of every interval published in advance (its
 * intervals are kept apart, {@code tou_calendar_interval}); with a holiday calendar, an optional block
 * demand window and optional prices per period. Changed by administrators; the version rises.
 */
@Entity
@Table(name = "tou_schedule")
public class Tariff implements Serializable {

    /** How the tariff names the period of an interval. */
    public enum Kind { SEASONAL, CALENDAR }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tou_schedule_seq")
    @SequenceGenerator(name = "tou_schedule_seq", sequenceName = "tou_schedule_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(name = "holiday_calendar_id")
    private Long holidayCalendarId;

    @Column(name = "holidays_as_sunday", nullable = false)
    private boolean holidaysAsSunday;

    @Column(name = "demand_window_minutes")
    private Integer demandWindowMinutes;

    @Column(name = "calendar_interval_minutes")
    private Integer calendarIntervalMinutes;

    @Column(name = "price_unit", length = 16)
    private String priceUnit;

    @OneToMany(mappedBy = "tariff", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("key.position")
    private List<TariffSeason> seasons = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "tou_price", joinColumns = @JoinColumn(name = "schedule_id"))
    @MapKeyColumn(name = "period", length = 64)
    @Column(name = "price_per_kwh", nullable = false, precision = 12, scale = 4)
    private Map<String, BigDecimal> prices = new TreeMap<>();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @Version
    private long version;

    protected Tariff() {
    }

    public Tariff(String code, String name, Kind kind, String by, Instant at) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    /** Replaces what the tariff says (not its code or kind). */
    public void change(String name, Long holidayCalendarId, boolean holidaysAsSunday, Integer demandWindowMinutes,
            Integer calendarIntervalMinutes, String priceUnit, Map<String, BigDecimal> prices, String by, Instant at) {
        this.name = name;
        this.holidayCalendarId = holidayCalendarId;
        this.holidaysAsSunday = holidaysAsSunday;
        this.demandWindowMinutes = demandWindowMinutes;
        this.calendarIntervalMinutes = calendarIntervalMinutes;
        this.priceUnit = priceUnit;
        this.prices.clear();
        this.prices.putAll(prices);
        this.updatedBy = by;
        this.updatedAt = at;
    }

    /** Replaces the seasons (a SEASONAL tariff). */
    public void replaceSeasons(List<SeasonRow> rows) {
        seasons.clear();
        int position = 0;
        for (SeasonRow row : rows) {
            seasons.add(new TariffSeason(this, position++, row.name(), row.startDay(), row.endDay(), row.periods()));
        }
    }

    /** A season as administrators give it. */
    public record SeasonRow(String name, String startDay, String endDay, List<DayPeriodRow> periods) {
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public Long holidayCalendarId() {
        return holidayCalendarId;
    }

    public boolean holidaysAsSunday() {
        return holidaysAsSunday;
    }

    public Integer demandWindowMinutes() {
        return demandWindowMinutes;
    }

    public Integer calendarIntervalMinutes() {
        return calendarIntervalMinutes;
    }

    public String priceUnit() {
        return priceUnit;
    }

    public List<TariffSeason> seasons() {
        return Collections.unmodifiableList(seasons);
    }

    public Map<String, BigDecimal> prices() {
        return Collections.unmodifiableMap(new TreeMap<>(prices));
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public long version() {
        return version;
    }
}
