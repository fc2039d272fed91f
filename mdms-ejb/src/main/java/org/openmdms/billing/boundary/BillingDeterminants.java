package org.openmdms.billing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.openmdms.admin.entity.Role;
import org.openmdms.billing.control.AccountChange;
import org.openmdms.billing.control.AccountPeriod;
import org.openmdms.billing.control.BillingPeriod;
import org.openmdms.billing.control.CriticalPeakEvent;
import org.openmdms.billing.control.DeterminantCalculator;
import org.openmdms.billing.control.Determinants;
import org.openmdms.billing.control.EnergyCost;
import org.openmdms.billing.control.EnergyPrices;
import org.openmdms.billing.control.PeriodDeterminant;
import org.openmdms.billing.control.SlotPeriods;
import org.openmdms.billing.control.SlotTable;
import org.openmdms.billing.control.TouSchedule;
import org.openmdms.billing.entity.Tariff;
import org.openmdms.billing.store.AccountHistoryStore;
import org.openmdms.billing.store.DeterminantRow;
import org.openmdms.billing.store.DeterminantStore;
import org.openmdms.billing.store.PostgresDeterminantSums;
import org.openmdms.billing.store.TariffCalendarStore;
import org.openmdms.billing.store.TariffStore;
import org.openmdms.config.Settings;
import org.openmdms.meter.boundary.RegistryNotFound;
import org.openmdms.meter.entity.Channel;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.Unit;
import org.openmdms.meter.entity.UsagePoint;
import org.openmdms.meter.store.UsagePointStore;
import org.openmdms.reading.store.IntervalStore;
import org.openmdms.vee.control.Slot;

/**
 * Calculates billing determinants (DOMAIN.md §5) for usage points and a billing period [start, end)
 * in their local dates, with each usage point's tariff: splits the period at account changes, loads
 * the reads of a batch of usage points with one query, calculates, prices the energy where the tariff
 * has prices, and stores a new version only where the values changed (a recalculation that changes
 * nothing leaves the current version). One transaction per call.
 */
@Stateless
@RolesAllowed({Role.ADMIN, Role.ANALYST})
public class BillingDeterminants {

    /** What a calculation did: new versions stored, usage points whose values had not changed, and failures by code. */
    public record Outcome(List<DeterminantRow> stored, int unchanged, Map<String, String> failures, int inDatabase) {
    }

    @Inject
    UsagePointStore usagePoints;

    @Inject
    TariffStore tariffs;

    @Inject
    TariffCalendarStore calendars;

    @Inject
    DeterminantStore determinants;

    @Inject
    AccountHistoryStore accounts;

    @Inject
    IntervalStore intervals;

    @Inject
    HolidayLookup holidayLookup;

    @Inject
    PostgresDeterminantSums sums;

    /** One usage point, on demand: calculates and returns its current determinants for the period. */
    public List<DeterminantRow> calculate(String usagePointCode, LocalDate start, LocalDate end) {
        Outcome outcome = calculate(List.of(usagePointCode), start, end, null, "ON_DEMAND", false);
        if (!outcome.failures().isEmpty()) {
            throw new IllegalArgumentException(outcome.failures().values().iterator().next());
        }
        return determinants.current(usagePoints.findByCode(usagePointCode).orElseThrow().id(), start);
    }

    /**
     * Calculates the usage points' determinants for [start, end). {@code reason} names why (FIRST is
     * used instead where no version exists yet, STALE where reads changed since the current one).
     * With {@code inDatabase} (bulk runs) and {@code mdms.billing.in-database} on PostgreSQL, the usage
     * points held by one account for the whole period are summed in the database
     * ({@link DatabaseDeterminants}); the others, and every usage point elsewhere, in Java.
     */
    public Outcome calculate(List<String> codes, LocalDate start, LocalDate end, Long runId, String reason,
            boolean inDatabase) {
        if (start == null || end == null || !end.isAfter(start) || start.plusDays(93).isBefore(end)) {
            throw new IllegalArgumentException("Give a billing period start < end, at most 93 days long");
        }
        Map<String, UsagePoint> found = usagePoints.findByCodes(codes);
        Map<String, String> failures = new TreeMap<>();
        List<Billed> billed = new ArrayList<>();
        for (String code : codes) {
            UsagePoint up = found.get(code);
            if (up == null) {
                throw new RegistryNotFound("No usage point " + code);
            }
            try {
                billed.add(new Billed(up, start, end));
            } catch (IllegalArgumentException e) {
                failures.put(code, e.getMessage());
            }
        }
        Map<Long, TariffContext> contexts = new HashMap<>();
        List<Long> ids = billed.stream().map(b -> b.up.id()).toList();
        Set<Long> stale = determinants.stale(ids, start, end);
        Map<Long, List<DeterminantRow>> currentByUp = determinants.current(ids, start);
        Map<Long, List<AccountHistoryStore.AccountFrom>> moves = accounts.changes(ids);
        Map<Long, Determinants> summed = inDatabase && Settings.billingInDatabase() && sums.available()
                ? inDatabase(billed, moves, contexts) : Map.of();
        Map<Long, List<Slot>> reads = loadReads(billed.stream().filter(b -> !summed.containsKey(b.up.id())).toList());
        Instant now = Instant.now();
        List<DeterminantRow> toStore = new ArrayList<>();
        int unchanged = 0;
        for (Billed b : billed) {
            try {
                TariffContext tariff = contexts.computeIfAbsent(b.up.tariffId(), id -> context(id, billed));
                List<DeterminantRow> rows = new ArrayList<>();
                for (AccountPeriod part : b.parts(moves.getOrDefault(b.up.id(), List.of()))) {
                    int minutes = b.delivered.readingType().intervalMinutes();
                    Determinants d = summed.containsKey(b.up.id()) ? summed.get(b.up.id())
                            : tariff.calculator(b.up.timeZone(), minutes).calculate(part, minutes,
                                    reads.getOrDefault(b.delivered.id(), List.of()),
                                    b.received == null ? null : reads.getOrDefault(b.received.id(), List.of()));
                    String why = !currentByUp.containsKey(b.up.id()) ? "FIRST" : stale.contains(b.up.id()) ? "STALE"
                            : reason;
                    rows.add(row(b.up, part, d, tariff, runId, why, now));
                }
                if (same(currentByUp.getOrDefault(b.up.id(), List.of()), rows)) {
                    unchanged++;
                } else {
                    toStore.addAll(rows);
                }
            } catch (IllegalArgumentException e) {
                failures.put(b.up.code(), e.getMessage());
            }
        }
        determinants.save(toStore, now);
        return new Outcome(toStore, unchanged, failures, summed.size());
    }

    /**
     * The determinants the database sums: usage points held by one account for the whole period, in
     * groups of one tariff, zone and interval length, one query per group ({@link DatabaseDeterminants}).
     * A group whose tariff or slots cannot be built, or whose block windows cross a period or CPP
     * boundary, is left to Java (which reports the problem, if any, as before).
     */
    private Map<Long, Determinants> inDatabase(List<Billed> billed, Map<Long, List<AccountHistoryStore.AccountFrom>> moves,
            Map<Long, TariffContext> contexts) {
        Map<String, List<Billed>> groups = new java.util.LinkedHashMap<>();
        Map<Long, AccountPeriod> parts = new HashMap<>();
        for (Billed b : billed) {
            try {
                List<AccountPeriod> split = b.parts(moves.getOrDefault(b.up.id(), List.of()));
                if (split.size() != 1 || !split.get(0).start().equals(b.period.startInstant())
                        || !split.get(0).end().equals(b.period.endInstant())) {
                    continue; // an account change inside the period: Java splits it
                }
                parts.put(b.up.id(), split.get(0));
                groups.computeIfAbsent(b.up.tariffId() + "/" + b.up.timeZone().getId() + "/"
                        + b.delivered.readingType().intervalMinutes(), k -> new ArrayList<>()).add(b);
            } catch (IllegalArgumentException e) {
                // no account at the start, two changes at once: Java reports it
            }
        }
        Map<Long, Determinants> result = new HashMap<>();
        for (List<Billed> group : groups.values()) {
            Billed first = group.get(0);
            SlotTable table;
            try {
                TariffContext tariff = contexts.computeIfAbsent(first.up.tariffId(), id -> context(id, billed));
                table = SlotTable.of(tariff.schedule, tariff.events, first.period.whole("-"),
                        first.delivered.readingType().intervalMinutes());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (!table.windowsAligned()) {
                continue;
            }
            List<DatabaseDeterminants.Member> members = new ArrayList<>();
            for (Billed b : group) {
                members.add(new DatabaseDeterminants.Member(b.up.id(), parts.get(b.up.id()), b.delivered.id(),
                        b.received == null ? null : b.received.id()));
            }
            result.putAll(DatabaseDeterminants.calculate(sums, table, members));
        }
        return result;
    }

    /** The usage point's current determinants of every period and their earlier versions, newest first. */
    @RolesAllowed({Role.ADMIN, Role.ANALYST, Role.AUDITOR})
    public List<DeterminantRow> history(String usagePointCode, int limit) {
        UsagePoint up = usagePoints.findByCode(usagePointCode)
                .orElseThrow(() -> new RegistryNotFound("No usage point " + usagePointCode));
        return determinants.history(up.id(), limit);
    }

    /** Whether reads of the usage point changed in the period after its current determinants were calculated. */
    @RolesAllowed({Role.ADMIN, Role.ANALYST, Role.AUDITOR})
    public boolean stale(String usagePointCode, LocalDate start, LocalDate end) {
        UsagePoint up = usagePoints.findByCode(usagePointCode)
                .orElseThrow(() -> new RegistryNotFound("No usage point " + usagePointCode));
        return determinants.stale(List.of(up.id()), start, end).contains(up.id());
    }

    private static boolean same(List<DeterminantRow> current, List<DeterminantRow> rows) {
        if (current.size() != rows.size()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (current.get(i).tariffId() != rows.get(i).tariffId() || !current.get(i).sameValues(rows.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The reads of every billed channel in the batch's span, one query. */
    private Map<Long, List<Slot>> loadReads(List<Billed> billed) {
        Map<Long, List<Slot>> reads = new HashMap<>();
        if (billed.isEmpty()) {
            return reads;
        }
        List<Long> channels = new ArrayList<>();
        Instant from = null;
        Instant to = null;
        for (Billed b : billed) {
            channels.add(b.delivered.id());
            if (b.received != null) {
                channels.add(b.received.id());
            }
            from = from == null || b.period.startInstant().isBefore(from) ? b.period.startInstant() : from;
            to = to == null || b.period.endInstant().isAfter(to) ? b.period.endInstant() : to;
        }
        // Interval ends in (start, end + the longest interval]: every interval that starts in the period.
        intervals.forEachRead(channels, from.plusSeconds(1), to.plus(Duration.ofDays(1)).plusSeconds(1),
                (channel, end, value, quality, source) ->
                        reads.computeIfAbsent(channel, c -> new ArrayList<>()).add(new Slot(end, value, quality, source)));
        return reads;
    }

    private TariffContext context(Long tariffId, List<Billed> billed) {
        Tariff tariff = tariffs.tariff(tariffId).orElseThrow();
        Instant from = billed.stream().map(b -> b.period.startInstant()).min(Instant::compareTo).orElseThrow();
        Instant to = billed.stream().map(b -> b.period.endInstant()).max(Instant::compareTo).orElseThrow();
        NavigableMap<Instant, String> published = tariff.kind() == Tariff.Kind.CALENDAR
                ? calendars.periods(tariff.id(), from.minus(Duration.ofDays(1)), to.plus(Duration.ofDays(1)))
                : new TreeMap<>();
        TouSchedule schedule = TariffSchedules.of(tariff, holidayLookup.byId(tariff.holidayCalendarId()), published);
        List<CriticalPeakEvent> events = tariffs.cppEvents(tariff.id(), from, to).stream()
                .map(e -> new CriticalPeakEvent(e.startsAt(), e.endsAt())).toList();
        return new TariffContext(tariff, schedule, events, from.minus(Duration.ofDays(1)), to.plus(Duration.ofDays(1)),
                tariff.prices().isEmpty() ? null : new EnergyPrices(tariff.prices()), new HashMap<>());
    }

    private static DeterminantRow row(UsagePoint up, AccountPeriod part, Determinants d, TariffContext tariff,
            Long runId, String reason, Instant now) {
        EnergyCost cost = null;
        if (tariff.prices != null) {
            try {
                cost = tariff.prices.cost(d);
            } catch (IllegalArgumentException unpriced) {
                cost = null; // energy in a period without a price (e.g. outside a published calendar): no cost
            }
        }
        List<DeterminantRow.Period> periods = new ArrayList<>();
        for (PeriodDeterminant p : d.periods()) {
            BigDecimal periodCost = cost == null ? null : cost.byPeriod().get(p.period());
            periods.add(new DeterminantRow.Period(p.period(), p.deliveredKwh(), p.receivedKwh(),
                    p.maxDemand() == null ? null : p.maxDemand().kw(),
                    p.maxDemand() == null ? null : p.maxDemand().start(),
                    p.maxDemand() == null ? null : p.maxDemand().end(), periodCost));
        }
        int estimated = d.delivered().estimated();
        int edited = d.delivered().edited();
        return new DeterminantRow(null, up.id(), part.accountId(), part.billingPeriod().start(),
                part.billingPeriod().end(), part.start(), part.end(), tariff.tariff.id(), tariff.tariff.version(), 0, now,
                null, runId, reason, d.intervalMinutes(), d.demandWindowMinutes(), d.deliveredKwh(),
                d.receivedKwh(), d.netKwh(), d.cppKwh(), d.delivered().expected(), d.delivered().present(), estimated,
                edited, d.unscheduledIntervals(), d.complete(), d.isFinal(), cost == null ? null : cost.total(),
                periods);
    }

    /**
     * A tariff as a batch uses it: its schedule, CPP events and prices, and a calculator per zone and
     * interval length — for a seasonal tariff over the periods of the batch's slots worked out once
     * ({@link SlotPeriods}) rather than once per read.
     */
    private record TariffContext(Tariff tariff, TouSchedule schedule, List<CriticalPeakEvent> events, Instant from,
            Instant to, EnergyPrices prices, Map<String, DeterminantCalculator> calculators) {

        DeterminantCalculator calculator(ZoneId zone, int minutes) {
            return calculators.computeIfAbsent(zone.getId() + "/" + minutes, key -> new DeterminantCalculator(
                    tariff.kind() == Tariff.Kind.SEASONAL ? SlotPeriods.of(schedule, zone, from, to, minutes) : schedule,
                    events));
        }
    }

    /** A usage point to bill: its period, channels and account parts. */
    private final class Billed {
        final UsagePoint up;
        final BillingPeriod period;
        final Channel delivered;
        final Channel received;

        Billed(UsagePoint up, LocalDate start, LocalDate end) {
            this.up = up;
            if (up.tariffId() == null) {
                throw new IllegalArgumentException(up.code() + " has no tariff");
            }
            this.period = new BillingPeriod(up.timeZone(), start, end);
            this.delivered = energyChannel(up, FlowDirection.DELIVERED)
                    .orElseThrow(() -> new IllegalArgumentException(up.code() + " has no delivered kWh interval channel"));
            this.received = energyChannel(up, FlowDirection.RECEIVED).orElse(null);
        }

        List<AccountPeriod> parts(List<AccountHistoryStore.AccountFrom> history) {
            if (history.isEmpty()) {
                return List.of(period.whole(up.accountId() == null || up.accountId().isBlank() ? "(none)" : up.accountId()));
            }
            return period.split(history.stream().map(a -> new AccountChange(a.from(), a.accountId())).toList());
        }
    }

    private static Optional<Channel> energyChannel(UsagePoint up, FlowDirection direction) {
        return up.channels().stream().filter(c -> !c.readingType().isRegister() && c.readingType().unit() == Unit.KWH
                && c.readingType().flowDirection() == direction).findFirst();
    }
}
