package org.openmdms.billing.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.openmdms.admin.boundary.AuditTrail;
import org.openmdms.admin.boundary.Caller;
import org.openmdms.admin.entity.Role;
import org.openmdms.billing.entity.BillingCycle;
import org.openmdms.billing.entity.CppEvent;
import org.openmdms.billing.entity.Holidays;
import org.openmdms.billing.entity.Tariff;
import org.openmdms.billing.entity.TariffSeason;
import org.openmdms.billing.store.TariffCalendarStore;
import org.openmdms.billing.store.TariffStore;
import org.openmdms.meter.boundary.RegistryNotFound;
import org.openmdms.meter.entity.UsagePoint;
import org.openmdms.meter.store.UsagePointStore;
import org.openmdms.vee.control.HolidayCalendar;

/**
 * What administrators keep for billing: tariffs (seasonal schedules checked to cover every day and
 * the year exactly once, or calendars of published periods), holiday calendars, critical-peak
 * events, billing cycles, and which usage points are on which tariff and cycle. Every change is
 * audited (before and after).
 */
@Stateless
@RolesAllowed(Role.ADMIN)
public class Tariffs {

    @Inject
    TariffStore store;

    @Inject
    TariffCalendarStore calendars;

    @Inject
    UsagePointStore usagePoints;

    @Inject
    HolidayLookup holidayLookup;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext context;

    /** A tariff's terms as an administrator gives them; seasons only for a SEASONAL tariff. */
    public record TariffTerms(String name, Tariff.Kind kind, String holidayCalendar, boolean holidaysAsSunday,
            Integer demandWindowMinutes, Integer calendarIntervalMinutes, String priceUnit,
            Map<String, BigDecimal> prices, List<Tariff.SeasonRow> seasons) {
    }

    /** Creates or changes a tariff; a seasonal one is checked (every day and the whole year covered once). */
    public Tariff save(String code, TariffTerms terms) {
        if (code == null || !code.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("A tariff code is 1 to 64 letters, digits, '.', '_' or '-'");
        }
        Long holidayId = null;
        if (terms.holidayCalendar() != null && !terms.holidayCalendar().isBlank()) {
            holidayId = store.holidays(terms.holidayCalendar())
                    .orElseThrow(() -> new IllegalArgumentException("No holiday calendar " + terms.holidayCalendar()))
                    .id();
        }
        Tariff tariff = store.tariff(code).orElse(null);
        Map<String, Object> before = tariff == null ? null : state(tariff);
        boolean created = tariff == null;
        if (created) {
            tariff = new Tariff(code, terms.name(), terms.kind(), Caller.name(context), Instant.now());
        } else if (tariff.kind() != terms.kind()) {
            throw new IllegalArgumentException("Tariff " + code + " is " + tariff.kind() + "; its kind cannot change");
        }
        tariff.change(terms.name(), holidayId, terms.holidaysAsSunday(), terms.demandWindowMinutes(),
                terms.calendarIntervalMinutes(), terms.priceUnit(), terms.prices() == null ? Map.of() : terms.prices(),
                Caller.name(context), Instant.now());
        if (terms.kind() == Tariff.Kind.SEASONAL) {
            tariff.replaceSeasons(terms.seasons() == null ? List.of() : terms.seasons());
        }
        // Checked as the calculation will build it: seasons, day types, periods, demand window.
        TariffSchedules.of(tariff, holidayLookup.byId(holidayId), new TreeMap<>());
        if (created) {
            store.add(tariff);
        }
        audit.record(created ? "tariff.create" : "tariff.change", "tariff", code, before, state(tariff));
        return loaded(tariff);
    }

    /** Publishes the periods of a calendar tariff's intervals (by interval start), replacing those of the same span. */
    public int publish(String code, NavigableMap<Instant, String> periods) {
        Tariff tariff = store.tariff(code).orElseThrow(() -> new RegistryNotFound("No tariff " + code));
        if (tariff.kind() != Tariff.Kind.CALENDAR) {
            throw new IllegalArgumentException("Tariff " + code + " is seasonal: it has no calendar to publish");
        }
        int stored = calendars.publish(tariff.id(), periods);
        if (!periods.isEmpty()) {
            audit.record("tariff.publish", "tariff", code, null, Map.of("from", periods.firstKey().toString(), "to",
                    periods.lastKey().toString(), "intervals", stored));
        }
        return stored;
    }

    public CppEvent addCppEvent(String tariffCode, Instant start, Instant end, String name) {
        Tariff tariff = store.tariff(tariffCode).orElseThrow(() -> new RegistryNotFound("No tariff " + tariffCode));
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("A critical-peak event ends after it starts");
        }
        CppEvent event = new CppEvent(tariff.id(), start, end, name == null || name.isBlank() ? "CPP event" : name);
        store.add(event);
        audit.record("tariff.cpp-event.add", "tariff", tariffCode, null,
                Map.of("start", start.toString(), "end", end.toString(), "name", event.name()));
        return event;
    }

    public void removeCppEvent(long id) {
        CppEvent event = store.cppEvent(id).orElseThrow(() -> new RegistryNotFound("No critical-peak event " + id));
        String tariff = store.tariff(event.scheduleId()).map(Tariff::code).orElse("?");
        store.remove(event);
        audit.record("tariff.cpp-event.remove", "tariff", tariff, Map.of("start", event.startsAt().toString(), "end",
                event.endsAt().toString(), "name", event.name()), null);
    }

    /** Creates or replaces a holiday calendar. */
    public Holidays saveHolidays(String code, String name, Map<LocalDate, String> days) {
        if (code == null || !code.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("A calendar code is 1 to 64 letters, digits, '.', '_' or '-'");
        }
        Holidays holidays = store.holidays(code).orElse(null);
        Map<String, Object> before = holidays == null ? null : Map.of("name", holidays.name(), "days", holidays.days().size());
        if (holidays == null) {
            holidays = new Holidays(code, name, days, Caller.name(context), Instant.now());
            store.add(holidays);
        } else {
            holidays.change(name, days, Caller.name(context), Instant.now());
        }
        audit.record(before == null ? "holidays.create" : "holidays.change", "holiday-calendar", code, before,
                Map.of("name", name, "days", days.size()));
        return holidays;
    }

    /** Creates or replaces a billing cycle and its read dates. */
    public BillingCycle saveCycle(String code, String name, Collection<LocalDate> readDates) {
        if (code == null || !code.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("A cycle code is 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (readDates == null || readDates.size() < 2) {
            throw new IllegalArgumentException("A billing cycle needs at least two read dates (one billing period)");
        }
        BillingCycle cycle = store.cycle(code).orElse(null);
        Map<String, Object> before = cycle == null ? null : Map.of("name", cycle.name(), "readDates",
                cycle.readDates().toString());
        if (cycle == null) {
            cycle = new BillingCycle(code, name, readDates, Caller.name(context), Instant.now());
            store.add(cycle);
        } else {
            cycle.change(name, readDates, Caller.name(context), Instant.now());
        }
        audit.record(before == null ? "billing-cycle.create" : "billing-cycle.change", "billing-cycle", code, before,
                Map.of("name", name, "readDates", cycle.readDates().toString()));
        return cycle;
    }

    /**
     * Puts usage points on a tariff and in a cycle (a blank code leaves that one as it is; "-" takes
     * it away); returns how many were changed.
     */
    public int assign(Collection<String> usagePointCodes, String tariffCode, String cycleCode) {
        Long tariffId = id(tariffCode, c -> store.tariff(c).map(Tariff::id), "tariff");
        Long cycleId = id(cycleCode, c -> store.cycle(c).map(BillingCycle::id), "billing cycle");
        Map<String, UsagePoint> found = usagePoints.findByCodes(usagePointCodes);
        int changed = 0;
        for (String code : usagePointCodes) {
            UsagePoint up = found.get(code);
            if (up == null) {
                throw new RegistryNotFound("No usage point " + code);
            }
            Long newTariff = blank(tariffCode) ? up.tariffId() : tariffId;
            Long newCycle = blank(cycleCode) ? up.billingCycleId() : cycleId;
            if (!java.util.Objects.equals(newTariff, up.tariffId()) || !java.util.Objects.equals(newCycle, up.billingCycleId())) {
                Map<String, Object> before = new LinkedHashMap<>();
                before.put("tariffId", up.tariffId());
                before.put("billingCycleId", up.billingCycleId());
                up.bill(newTariff, newCycle);
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("tariffId", newTariff);
                after.put("billingCycleId", newCycle);
                audit.record("usage-point.billing", org.openmdms.meter.boundary.MeterRegistry.USAGE_POINT, code, before, after);
                changed++;
            }
        }
        return changed;
    }

    private static boolean blank(String code) {
        return code == null || code.isBlank();
    }

    private static Long id(String code, java.util.function.Function<String, java.util.Optional<Long>> find, String what) {
        if (blank(code) || "-".equals(code)) {
            return null;
        }
        return find.apply(code).orElseThrow(() -> new RegistryNotFound("No " + what + " " + code));
    }

    @RolesAllowed({Role.ADMIN, Role.ANALYST, Role.AUDITOR})
    public List<Tariff> tariffs() {
        List<Tariff> all = store.tariffs();
        all.forEach(Tariffs::loaded);
        return all;
    }

    /** Loads the seasons (lazy) while the transaction lasts: callers read them after it, detached. */
    private static Tariff loaded(Tariff tariff) {
        tariff.seasons().forEach(TariffSeason::periods);
        return tariff;
    }

    @RolesAllowed({Role.ADMIN, Role.ANALYST, Role.AUDITOR})
    public Tariff tariff(String code) {
        return loaded(store.tariff(code).orElseThrow(() -> new RegistryNotFound("No tariff " + code)));
    }

    @RolesAllowed({Role.ADMIN, Role.ANALYST, Role.AUDITOR})
    public TariffCalendarStore.Extent published(String code) {
        return calendars.extent(tariff(code).id());
    }

    @RolesAllowed({Role.ADMIN, Role.ANALYST, Role.AUDITOR})
    public List<CppEvent> cppEvents(String code) {
        return store.cppEvents(tariff(code).id());
    }

    @RolesAllowed({Role.ADMIN, Role.ANALYST, Role.AUDITOR})
    public List<Holidays> holidayCalendars() {
        return store.holidayCalendars();
    }

    @RolesAllowed({Role.ADMIN, Role.ANALYST, Role.AUDITOR})
    public List<BillingCycle> cycles() {
        return store.cycles();
    }

    @RolesAllowed({Role.ADMIN, Role.ANALYST, Role.AUDITOR})
    public BillingCycle cycle(String code) {
        return store.cycle(code).orElseThrow(() -> new RegistryNotFound("No billing cycle " + code));
    }

    /** The tariff and cycle codes of a usage point (null where none). */
    @RolesAllowed({Role.ADMIN, Role.ANALYST, Role.AUDITOR})
    public String[] billingOf(UsagePoint up) {
        return new String[] {up.tariffId() == null ? null : store.tariff(up.tariffId()).map(Tariff::code).orElse(null),
                up.billingCycleId() == null ? null : store.cycle(up.billingCycleId()).map(BillingCycle::code).orElse(null)};
    }

    /** The tariff and cycle codes of the usage point with this code (null where none), for its page. */
    @RolesAllowed({Role.ADMIN, Role.ANALYST, Role.AUDITOR})
    public String[] billingOf(String usagePointCode) {
        return billingOf(usagePoints.findByCode(usagePointCode)
                .orElseThrow(() -> new RegistryNotFound("No usage point " + usagePointCode)));
    }

    static Map<String, Object> state(Tariff tariff) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", tariff.name());
        state.put("kind", tariff.kind().name());
        state.put("holidayCalendarId", tariff.holidayCalendarId());
        state.put("holidaysAsSunday", tariff.holidaysAsSunday());
        state.put("demandWindowMinutes", tariff.demandWindowMinutes());
        state.put("calendarIntervalMinutes", tariff.calendarIntervalMinutes());
        state.put("priceUnit", tariff.priceUnit());
        state.put("prices", tariff.prices().toString());
        state.put("seasons", tariff.seasons().stream().map(s -> s.name() + " " + s.startDay() + ".." + s.endDay() + " "
                + s.periods().stream().map(p -> p.dayType() + " " + p.start() + "-" + p.end() + " " + p.period()).toList())
                .toList().toString());
        return state;
    }

    /** A holiday calendar as the domain uses it. */
    @RolesAllowed({Role.ADMIN, Role.ANALYST, Role.AUDITOR})
    public HolidayCalendar holidayCalendar(String code) {
        return store.holidays(code).map(HolidayLookup::calendar)
                .orElseThrow(() -> new RegistryNotFound("No holiday calendar " + code));
    }
}
