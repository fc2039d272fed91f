package org.openmdms.web.billing;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmdms.billing.boundary.Tariffs;
import org.openmdms.billing.control.TariffCalendarCsv;
import org.openmdms.billing.entity.CppEvent;
import org.openmdms.billing.entity.DayPeriodRow;
import org.openmdms.billing.entity.Holidays;
import org.openmdms.billing.entity.Tariff;
import org.openmdms.billing.entity.TariffSeason;
import org.openmdms.billing.store.TariffCalendarStore;
import org.openmdms.web.Messages;
import org.primefaces.model.file.UploadedFile;

/**
 * admin/tariff.xhtml: creates or changes one tariff — its terms, prices per period, and for a
 * seasonal tariff the seasons with their periods per day type (the boundary refuses periods that do
 * not cover a day exactly once, and says where); for a calendar tariff what is published and a CSV to
 * publish; its critical-peak events; and which usage points are on it.
 */
@Named
@ViewScoped
public class TariffEdit implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The day types a season gives periods for, in the order they are shown. */
    static final List<String> DAY_TYPES = List.of("WEEKDAY", "SATURDAY", "SUNDAY", "HOLIDAY");

    @Inject
    transient Tariffs tariffs;

    /** One period row of a season as edited: day type, local times "HH:MM" [start, end), name. */
    public static class PeriodForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private String dayType;
        private String start;
        private String end;
        private String period;

        public PeriodForm() {
        }

        PeriodForm(String dayType, String start, String end, String period) {
            this.dayType = dayType;
            this.start = start;
            this.end = end;
            this.period = period;
        }

        public String getDayType() {
            return dayType;
        }

        public void setDayType(String dayType) {
            this.dayType = dayType;
        }

        public String getStart() {
            return start;
        }

        public void setStart(String start) {
            this.start = start;
        }

        public String getEnd() {
            return end;
        }

        public void setEnd(String end) {
            this.end = end;
        }

        public String getPeriod() {
            return period;
        }

        public void setPeriod(String period) {
            this.period = period;
        }
    }

    /** A season as edited: name, month-days "MM-DD" [start, end), its periods. */
    public static class SeasonForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private String startDay;
        private String endDay;
        private final List<PeriodForm> periods = new ArrayList<>();

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getStartDay() {
            return startDay;
        }

        public void setStartDay(String startDay) {
            this.startDay = startDay;
        }

        public String getEndDay() {
            return endDay;
        }

        public void setEndDay(String endDay) {
            this.endDay = endDay;
        }

        public List<PeriodForm> getPeriods() {
            return periods;
        }
    }

    /** A price row: a period name and its price per kWh. */
    public static class PriceForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private String period;
        private BigDecimal price;

        public String getPeriod() {
            return period;
        }

        public void setPeriod(String period) {
            this.period = period;
        }

        public BigDecimal getPrice() {
            return price;
        }

        public void setPrice(BigDecimal price) {
            this.price = price;
        }
    }

    private String code;
    private String newCode;
    private boolean created;
    private String name;
    private Tariff.Kind kind = Tariff.Kind.SEASONAL;
    private String holidayCalendar;
    private boolean holidaysAsSunday = true;
    private Integer demandWindowMinutes;
    private Integer calendarIntervalMinutes;
    private String priceUnit;
    private long version;
    private final List<PriceForm> prices = new ArrayList<>();
    private final List<SeasonForm> seasons = new ArrayList<>();
    private List<String> holidayCalendars = List.of();
    private TariffCalendarStore.Extent published;
    private List<CppEvent> cppEvents = List.of();
    private LocalDateTime cppStart;
    private LocalDateTime cppEnd;
    private String cppName;
    private String publishZone = "UTC";
    private transient UploadedFile calendarFile;
    private String usagePoints;

    /** Loads the tariff named in the URL, or starts a new one (a whole-year season, off-peak all day). */
    public void load() {
        holidayCalendars = tariffs.holidayCalendars().stream().map(Holidays::code).toList();
        if (code == null || code.isBlank()) {
            if (seasons.isEmpty()) {
                created = true;
                SeasonForm all = new SeasonForm();
                all.setName("all-year");
                all.setStartDay("01-01");
                all.setEndDay("01-01");
                for (String day : DAY_TYPES.subList(0, 3)) {
                    all.getPeriods().add(new PeriodForm(day, "00:00", "00:00", "off-peak"));
                }
                seasons.add(all);
            }
            return;
        }
        fill(tariffs.tariff(code));
    }

    private void fill(Tariff tariff) {
        created = false;
        name = tariff.name();
        kind = tariff.kind();
        holidayCalendar = tariff.holidayCalendarId() == null ? null : tariffs.holidayCalendars().stream()
                .filter(h -> h.id().equals(tariff.holidayCalendarId())).map(Holidays::code).findFirst().orElse(null);
        holidaysAsSunday = tariff.holidaysAsSunday();
        demandWindowMinutes = tariff.demandWindowMinutes();
        calendarIntervalMinutes = tariff.calendarIntervalMinutes();
        priceUnit = tariff.priceUnit();
        version = tariff.version();
        prices.clear();
        tariff.prices().forEach((period, price) -> {
            PriceForm row = new PriceForm();
            row.setPeriod(period);
            row.setPrice(price);
            prices.add(row);
        });
        seasons.clear();
        for (TariffSeason s : tariff.seasons()) {
            SeasonForm form = new SeasonForm();
            form.setName(s.name());
            form.setStartDay(s.startDay());
            form.setEndDay(s.endDay());
            List<DayPeriodRow> rows = new ArrayList<>(s.periods());
            rows.sort((a, b) -> DAY_TYPES.indexOf(a.dayType()) != DAY_TYPES.indexOf(b.dayType())
                    ? Integer.compare(DAY_TYPES.indexOf(a.dayType()), DAY_TYPES.indexOf(b.dayType()))
                    : a.start().compareTo(b.start()));
            rows.forEach(p -> form.getPeriods().add(new PeriodForm(p.dayType(), p.start(), p.end(), p.period())));
            seasons.add(form);
        }
        published = kind == Tariff.Kind.CALENDAR ? tariffs.published(code) : null;
        cppEvents = tariffs.cppEvents(code);
    }

    public String save() {
        try {
            Map<String, BigDecimal> priced = new LinkedHashMap<>();
            for (PriceForm p : prices) {
                if (p.getPeriod() != null && !p.getPeriod().isBlank()) {
                    if (p.getPrice() == null) {
                        throw new IllegalArgumentException("Give the price of " + p.getPeriod());
                    }
                    priced.put(p.getPeriod().strip(), p.getPrice());
                }
            }
            List<Tariff.SeasonRow> rows = kind != Tariff.Kind.SEASONAL ? List.of() : seasons.stream()
                    .map(s -> new Tariff.SeasonRow(strip(s.getName()), strip(s.getStartDay()), strip(s.getEndDay()),
                            s.getPeriods().stream().map(p -> new DayPeriodRow(p.getDayType(), strip(p.getStart()),
                                    strip(p.getEnd()), strip(p.getPeriod()))).toList()))
                    .toList();
            Tariff saved = tariffs.save(strip(created ? newCode : code), new Tariffs.TariffTerms(strip(name), kind, holidayCalendar,
                    holidaysAsSunday, demandWindowMinutes, calendarIntervalMinutes, strip(priceUnit), priced, rows));
            Messages.info("Tariff " + saved.code() + " saved (version " + saved.version() + ")");
            if (created) {
                // The address now names the tariff, so a reload shows what was saved.
                jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getFlash()
                        .setKeepMessages(true);
                return "/admin/tariff.xhtml?faces-redirect=true&code=" + saved.code();
            }
            fill(saved);
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
        return null;
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    public void addSeason() {
        SeasonForm season = new SeasonForm();
        season.getPeriods().add(new PeriodForm("WEEKDAY", "00:00", "00:00", ""));
        seasons.add(season);
    }

    public void removeSeason(int index) {
        seasons.remove(index);
    }

    /** A new row under the given one, of the same day type, starting where it ends. */
    public void addPeriod(int season, int after) {
        List<PeriodForm> periods = seasons.get(season).getPeriods();
        PeriodForm last = periods.isEmpty() ? null : periods.get(Math.min(after, periods.size() - 1));
        periods.add(after + 1 > periods.size() ? periods.size() : after + 1,
                new PeriodForm(last == null ? "WEEKDAY" : last.getDayType(), last == null ? "00:00" : last.getEnd(),
                        "00:00", ""));
    }

    public void removePeriod(int season, int index) {
        seasons.get(season).getPeriods().remove(index);
    }

    public void addPrice() {
        prices.add(new PriceForm());
    }

    public void removePrice(int index) {
        prices.remove(index);
    }

    /** Publishes the uploaded CSV of a calendar tariff's periods. */
    public void publish() {
        try {
            if (calendarFile == null || calendarFile.getSize() == 0) {
                throw new IllegalArgumentException("Choose a CSV file: start,period per interval");
            }
            int stored;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(calendarFile.getInputStream(),
                    StandardCharsets.UTF_8))) {
                stored = tariffs.publish(code, TariffCalendarCsv.parse(in, publishZone == null || publishZone.isBlank()
                        ? ZoneOffset.UTC : ZoneId.of(publishZone.strip())));
            }
            Messages.info(stored + " intervals of " + code + " published");
            published = tariffs.published(code);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public void addCppEvent() {
        try {
            if (cppStart == null || cppEnd == null) {
                throw new IllegalArgumentException("Give the start and end of the event (UTC)");
            }
            tariffs.addCppEvent(code, utc(cppStart), utc(cppEnd), cppName);
            Messages.info("Critical-peak event added to " + code);
            cppStart = null;
            cppEnd = null;
            cppName = null;
            cppEvents = tariffs.cppEvents(code);
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public void removeCppEvent(long id) {
        try {
            tariffs.removeCppEvent(id);
            Messages.info("Critical-peak event removed");
            cppEvents = tariffs.cppEvents(code);
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    private static Instant utc(LocalDateTime time) {
        return time.toInstant(ZoneOffset.UTC);
    }

    /** Puts the usage points typed (one code per line) on this tariff. */
    public void assign() {
        try {
            List<String> codes = UsagePointCodes.parse(usagePoints);
            int changed = tariffs.assign(codes, code, null);
            Messages.info(changed + " of " + codes.size() + " usage points put on " + code
                    + (changed < codes.size() ? " (the others were already on it)" : ""));
            usagePoints = null;
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public List<String> getDayTypes() {
        return DAY_TYPES;
    }

    public List<Tariff.Kind> getKinds() {
        return Arrays.asList(Tariff.Kind.values());
    }

    public boolean isCreated() {
        return created;
    }

    public boolean isSeasonal() {
        return kind == Tariff.Kind.SEASONAL;
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

    public Tariff.Kind getKind() {
        return kind;
    }

    public void setKind(Tariff.Kind kind) {
        this.kind = kind;
    }

    public String getHolidayCalendar() {
        return holidayCalendar;
    }

    public void setHolidayCalendar(String holidayCalendar) {
        this.holidayCalendar = holidayCalendar;
    }

    public boolean isHolidaysAsSunday() {
        return holidaysAsSunday;
    }

    public void setHolidaysAsSunday(boolean holidaysAsSunday) {
        this.holidaysAsSunday = holidaysAsSunday;
    }

    public Integer getDemandWindowMinutes() {
        return demandWindowMinutes;
    }

    public void setDemandWindowMinutes(Integer demandWindowMinutes) {
        this.demandWindowMinutes = demandWindowMinutes;
    }

    public Integer getCalendarIntervalMinutes() {
        return calendarIntervalMinutes;
    }

    public void setCalendarIntervalMinutes(Integer calendarIntervalMinutes) {
        this.calendarIntervalMinutes = calendarIntervalMinutes;
    }

    public String getPriceUnit() {
        return priceUnit;
    }

    public void setPriceUnit(String priceUnit) {
        this.priceUnit = priceUnit;
    }

    public long getVersion() {
        return version;
    }

    public List<PriceForm> getPrices() {
        return prices;
    }

    public List<SeasonForm> getSeasons() {
        return seasons;
    }

    public List<String> getHolidayCalendars() {
        return holidayCalendars;
    }

    public TariffCalendarStore.Extent getPublished() {
        return published;
    }

    public List<CppEvent> getCppEvents() {
        return cppEvents;
    }

    public LocalDateTime getCppStart() {
        return cppStart;
    }

    public void setCppStart(LocalDateTime cppStart) {
        this.cppStart = cppStart;
    }

    public LocalDateTime getCppEnd() {
        return cppEnd;
    }

    public void setCppEnd(LocalDateTime cppEnd) {
        this.cppEnd = cppEnd;
    }

    public String getCppName() {
        return cppName;
    }

    public void setCppName(String cppName) {
        this.cppName = cppName;
    }

    public String getPublishZone() {
        return publishZone;
    }

    public void setPublishZone(String publishZone) {
        this.publishZone = publishZone;
    }

    public UploadedFile getCalendarFile() {
        return calendarFile;
    }

    public void setCalendarFile(UploadedFile calendarFile) {
        this.calendarFile = calendarFile;
    }

    public String getUsagePoints() {
        return usagePoints;
    }

    public void setUsagePoints(String usagePoints) {
        this.usagePoints = usagePoints;
    }
}
