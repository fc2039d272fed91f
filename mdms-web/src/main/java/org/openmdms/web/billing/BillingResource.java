package org.openmdms.web.billing;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.openmdms.billing.boundary.BillingRuns;
import org.openmdms.billing.boundary.Tariffs;
import org.openmdms.billing.control.TariffCalendarCsv;
import org.openmdms.billing.entity.BillingCycle;
import org.openmdms.billing.entity.BillingRun;
import org.openmdms.billing.entity.CppEvent;
import org.openmdms.billing.entity.DayPeriodRow;
import org.openmdms.billing.entity.Holidays;
import org.openmdms.billing.entity.Tariff;
import org.openmdms.web.vee.ExceptionFilter;

/**
 * Billing over REST: tariffs (seasonal schedules, published calendars, CPP events), holiday
 * calendars, billing cycles and their runs, the tariff and cycle of usage points. The determinants of
 * a usage point are in {@link DeterminantResource}.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class BillingResource {

    @Inject
    Tariffs tariffs;

    @Inject
    BillingRuns runs;

    /** A tariff as given and shown. */
    public record TariffJson(String code, String name, Tariff.Kind kind, String holidayCalendar, boolean holidaysAsSunday,
            Integer demandWindowMinutes, Integer calendarIntervalMinutes, String priceUnit,
            Map<String, BigDecimal> prices, List<SeasonJson> seasons, Long version, Instant publishedFrom,
            Instant publishedTo, Long publishedIntervals) {
    }

    public record SeasonJson(String name, String startDay, String endDay, List<PeriodJson> periods) {
    }

    public record PeriodJson(String dayType, String start, String end, String period) {
    }

    public record CppEventJson(Long id, Instant start, Instant end, String name) {
    }

    public record HolidaysJson(String code, String name, Map<LocalDate, String> days) {
    }

    public record CycleJson(String code, String name, List<LocalDate> readDates) {
    }

    public record AssignmentJson(List<String> usagePoints, String tariff, String billingCycle) {
    }

    public record RunJson(long id, String cycle, LocalDate periodStart, LocalDate periodEnd, BillingRun.Status status,
            Instant startedAt, Instant finishedAt, String startedBy, int usagePoints, int done, int calculated,
            int unchanged, int failed, String failure) {
    }

    @GET
    @Path("tariffs")
    public List<TariffJson> tariffs() {
        Map<Long, String> holidays = holidayCodes();
        return tariffs.tariffs().stream().map(t -> json(t, holidays)).toList();
    }

    @GET
    @Path("tariffs/{code}")
    public TariffJson tariff(@PathParam("code") String code) {
        return json(tariffs.tariff(code));
    }

    @PUT
    @Path("tariffs/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public TariffJson saveTariff(@PathParam("code") String code, TariffJson body) {
        if (body == null || body.kind() == null) {
            throw new IllegalArgumentException("Give the tariff's name and kind (SEASONAL or CALENDAR)");
        }
        List<Tariff.SeasonRow> seasons = body.seasons() == null ? List.of() : body.seasons().stream()
                .map(s -> new Tariff.SeasonRow(s.name(), s.startDay(), s.endDay(), s.periods() == null ? List.of()
                        : s.periods().stream().map(p -> new DayPeriodRow(p.dayType(), p.start(), p.end(), p.period()))
                        .toList())).toList();
        return json(tariffs.save(code, new Tariffs.TariffTerms(body.name(), body.kind(), body.holidayCalendar(),
                body.holidaysAsSunday(), body.demandWindowMinutes(), body.calendarIntervalMinutes(), body.priceUnit(),
                body.prices(), seasons)));
    }

    /**
     * Publishes a calendar tariff's periods from CSV: a header, then {@code start,period} per interval,
     * the start an ISO instant or a local date-time ("2013-01-01 00:30:00") in {@code zone} (UTC).
     */
    @PUT
    @Path("tariffs/{code}/calendar")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public Map<String, Object> publish(@PathParam("code") String code, @QueryParam("zone") String zone,
            InputStream csv) throws IOException {
        ZoneId in = zone == null || zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone);
        NavigableMap<Instant, String> periods = TariffCalendarCsv.parse(
                new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8)), in);
        return Map.of("tariff", code, "published", tariffs.publish(code, periods));
    }

    @GET
    @Path("tariffs/{code}/cpp-events")
    public List<CppEventJson> cppEvents(@PathParam("code") String code) {
        return tariffs.cppEvents(code).stream().map(BillingResource::json).toList();
    }

    @POST
    @Path("tariffs/{code}/cpp-events")
    @Consumes(MediaType.APPLICATION_JSON)
    public CppEventJson addCppEvent(@PathParam("code") String code, CppEventJson body) {
        return json(tariffs.addCppEvent(code, body.start(), body.end(), body.name()));
    }

    @DELETE
    @Path("cpp-events/{id}")
    public void removeCppEvent(@PathParam("id") long id) {
        tariffs.removeCppEvent(id);
    }

    @GET
    @Path("holiday-calendars")
    public List<HolidaysJson> holidayCalendars() {
        return tariffs.holidayCalendars().stream().map(BillingResource::json).toList();
    }

    @PUT
    @Path("holiday-calendars/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public HolidaysJson saveHolidays(@PathParam("code") String code, HolidaysJson body) {
        return json(tariffs.saveHolidays(code, body.name(), body.days() == null ? Map.of() : body.days()));
    }

    @GET
    @Path("billing-cycles")
    public List<CycleJson> cycles() {
        return tariffs.cycles().stream().map(BillingResource::json).toList();
    }

    @PUT
    @Path("billing-cycles/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CycleJson saveCycle(@PathParam("code") String code, CycleJson body) {
        return json(tariffs.saveCycle(code, body.name(), body.readDates()));
    }

    /** Starts a run of the cycle for the billing period beginning on {@code periodStart}; 202 with the run. */
    @POST
    @Path("billing-cycles/{code}/runs")
    public jakarta.ws.rs.core.Response startRun(@PathParam("code") String code,
            @QueryParam("periodStart") String periodStart) {
        long id = runs.start(code, ExceptionFilter.day("periodStart", periodStart));
        return jakarta.ws.rs.core.Response.accepted(json(runs.run(id))).build();
    }

    @GET
    @Path("billing-runs")
    public List<RunJson> runs(@QueryParam("limit") Integer limit) {
        Map<Long, String> cycles = cycleCodes();
        return runs.latest(limit == null ? 50 : Math.min(limit, 500)).stream().map(r -> json(r, cycles)).toList();
    }

    @GET
    @Path("billing-runs/{id}")
    public RunJson run(@PathParam("id") long id) {
        return json(runs.run(id));
    }

    /** Puts usage points on a tariff and/or in a billing cycle ("-" takes it away, blank leaves it). */
    @PUT
    @Path("billing-assignments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> assign(AssignmentJson body) {
        if (body == null || body.usagePoints() == null || body.usagePoints().isEmpty()) {
            throw new IllegalArgumentException("Give the usage points and the tariff and/or billing cycle");
        }
        return Map.of("changed", tariffs.assign(body.usagePoints(), body.tariff(), body.billingCycle()));
    }

    /** Holiday calendar codes by id, looked up once per request. */
    private Map<Long, String> holidayCodes() {
        Map<Long, String> codes = new java.util.HashMap<>();
        tariffs.holidayCalendars().forEach(h -> codes.put(h.id(), h.code()));
        return codes;
    }

    /** Billing cycle codes by id, looked up once per request. */
    private Map<Long, String> cycleCodes() {
        Map<Long, String> codes = new java.util.HashMap<>();
        tariffs.cycles().forEach(c -> codes.put(c.id(), c.code()));
        return codes;
    }

    private TariffJson json(Tariff t) {
        return json(t, holidayCodes());
    }

    private TariffJson json(Tariff t, Map<Long, String> holidayCodes) {
        var published = t.kind() == Tariff.Kind.CALENDAR ? tariffs.published(t.code()) : null;
        String holidays = t.holidayCalendarId() == null ? null : holidayCodes.get(t.holidayCalendarId());
        return new TariffJson(t.code(), t.name(), t.kind(), holidays, t.holidaysAsSunday(), t.demandWindowMinutes(),
                t.calendarIntervalMinutes(), t.priceUnit(), t.prices(), t.seasons().stream()
                        .map(s -> new SeasonJson(s.name(), s.startDay(), s.endDay(), s.periods().stream()
                                .map(p -> new PeriodJson(p.dayType(), p.start(), p.end(), p.period())).toList()))
                        .toList(), t.version(), published == null ? null : published.first(),
                published == null ? null : published.last(), published == null ? null : published.intervals());
    }

    private static CppEventJson json(CppEvent e) {
        return new CppEventJson(e.id(), e.startsAt(), e.endsAt(), e.name());
    }

    private static HolidaysJson json(Holidays h) {
        return new HolidaysJson(h.code(), h.name(), h.days());
    }

    private static CycleJson json(BillingCycle c) {
        return new CycleJson(c.code(), c.name(), c.readDates());
    }

    private RunJson json(BillingRun r) {
        return json(r, cycleCodes());
    }

    private RunJson json(BillingRun r, Map<Long, String> cycleCodes) {
        String cycle = cycleCodes.get(r.cycleId());
        return new RunJson(r.id(), cycle, r.periodStart(), r.periodEnd(), r.status(), r.startedAt(), r.finishedAt(),
                r.startedBy(), r.usagePoints(), r.done(), r.calculated(), r.unchanged(), r.failed(), r.failure());
    }
}
