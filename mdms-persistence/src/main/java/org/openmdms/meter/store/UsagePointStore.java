package org.openmdms.meter.store;

import static org.openmdms.reading.store.JdbcStore.bindIds;
import static org.openmdms.reading.store.JdbcStore.instant;
import static org.openmdms.reading.store.JdbcStore.marks;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.CustomerClass;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.ReadingType;
import org.openmdms.meter.entity.Unit;
import org.openmdms.meter.entity.UsagePoint;
import org.openmdms.paging.Page;
import org.openmdms.paging.PageRequest;
import org.openmdms.paging.QueryText;

/** Usage points in the database: lookup by code, the paged search, and the header search box. */
@Dependent
public class UsagePointStore {

    private static final Map<String, String> SORTABLE = Map.of(
            "code", "up.code",
            "customerClass", "up.customerClass",
            "accountId", "up.accountId",
            "feeder", "up.feeder",
            "transformer", "up.transformer",
            "premiseAddress", "up.premiseAddress",
            "meterSerialNumber", "m.serialNumber");

    private static final String FROM = " from UsagePoint up"
            + " left join MeterInstallation i on i.usagePoint = up and i.installedTo is null"
            + " left join Meter m on m = i.meter";

    @PersistenceContext(unitName = "mdms")
    EntityManager em;

    public UsagePointStore() {
    }

    public UsagePointStore(EntityManager em) {
        this.em = em;
    }

    public Optional<UsagePoint> findByCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return em.createQuery("select up from UsagePoint up where up.code = :code", UsagePoint.class)
                .setParameter("code", code.strip())
                .getResultStream().findFirst();
    }

    /**
     * The usage point, its row locked until the transaction ends: work that must not run twice at once
     * for a usage point (a VEE run) waits for the other.
     */
    public Optional<UsagePoint> lockByCode(String code) {
        return findByCode(code).map(up -> {
            em.lock(up, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            return up;
        });
    }

    /**
     * Locks the usage points with these codes (in id order, so that two callers never deadlock) and
     * returns what VEE judges them by, keyed by code, with three queries and no entity: a judgement
     * changes no usage point, so none need be managed, hydrated or dirty-checked at commit.
     */
    public Map<String, UsagePointFacts> lockFacts(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        // Plain JDBC on the session's connection: a JPQL query with a list parameter is translated
        // anew on every execution (Hibernate caches no plan for it); the translation was most of this
        // method's samples in a daily file's pass (JFR), and the batch's lock and load fell from 10 to
        // 7 ms without it.
        return em.unwrap(org.hibernate.Session.class).doReturningWork(c -> lockFacts(c, List.copyOf(codes)));
    }

    private static Map<String, UsagePointFacts> lockFacts(Connection c, List<String> codes) throws SQLException {
        List<Row> rows = new ArrayList<>(codes.size());
        try (PreparedStatement s = c.prepareStatement("SELECT id, code, commodity, customer_class, time_zone,"
                + " service_capacity_kw FROM usage_point WHERE code IN (" + marks(codes.size()) + ") ORDER BY id FOR UPDATE")) {
            for (int i = 0; i < codes.size(); i++) {
                s.setString(i + 1, codes.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getLong(1), r.getString(2), Commodity.valueOf(r.getString(3)),
                            CustomerClass.valueOf(r.getString(4)), ZoneId.of(r.getString(5)), r.getBigDecimal(6)));
                }
            }
        }
        if (rows.isEmpty()) {
            return Map.of();
        }
        List<Long> upIds = rows.stream().map(Row::id).toList();
        String ids = marks(upIds.size());
        Map<Long, List<UsagePointFacts.ChannelFacts>> channels = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT usage_point_id, id, unit, interval_minutes, flow_direction"
                + " FROM channel WHERE usage_point_id IN (" + ids + ") ORDER BY id")) {
            bindIds(s, 1, upIds);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int minutes = r.getInt(4);
                    Integer intervalMinutes = r.wasNull() ? null : minutes;
                    ReadingType type = new ReadingType(Unit.valueOf(r.getString(3)), intervalMinutes,
                            FlowDirection.valueOf(r.getString(5)));
                    channels.computeIfAbsent(r.getLong(1), id -> new ArrayList<>())
                            .add(new UsagePointFacts.ChannelFacts(r.getLong(2), type));
                }
            }
        }
        Map<Long, List<UsagePointFacts.Installed>> installations = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT usage_point_id, installed_from, installed_to"
                + " FROM meter_installation WHERE usage_point_id IN (" + ids + ") ORDER BY installed_from")) {
            bindIds(s, 1, upIds);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    installations.computeIfAbsent(r.getLong(1), id -> new ArrayList<>())
                            .add(new UsagePointFacts.Installed(instant(r, 2), instant(r, 3)));
                }
            }
        }
        Map<String, UsagePointFacts> found = new HashMap<>();
        for (Row up : rows) {
            found.put(up.code(), new UsagePointFacts(up.id(), up.code(), up.commodity(), up.customerClass(), up.zone(),
                    up.capacityKw(), channels.getOrDefault(up.id(), List.of()), installations.getOrDefault(up.id(), List.of())));
        }
        return found;
    }

    /** A locked usage point's own columns. */
    private record Row(long id, String code, Commodity commodity, CustomerClass customerClass, ZoneId zone,
            BigDecimal capacityKw) {
    }

    /** The usage points with these codes, in one query (for bulk imports), keyed by code. */
    public Map<String, UsagePoint> findByCodes(java.util.Collection<String> codes) {
        Map<String, UsagePoint> found = new HashMap<>();
        if (!codes.isEmpty()) {
            em.createQuery("select up from UsagePoint up where up.code in :codes", UsagePoint.class)
                    .setParameter("codes", codes)
                    .getResultList()
                    .forEach(up -> found.put(up.code(), up));
        }
        return found;
    }

    /** The channels of these usage points, in one query (for mapping reads in bulk). */
    public List<ChannelEntry> channelsOf(java.util.Collection<Long> usagePointIds) {
        if (usagePointIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select new org.openmdms.meter.store.ChannelEntry(c.id, c.usagePoint.id,"
                        + " c.readingType.unit, c.readingType.intervalMinutes, c.readingType.flowDirection)"
                        + " from Channel c where c.usagePoint.id in :ids", ChannelEntry.class)
                .setParameter("ids", usagePointIds)
                .getResultList();
    }

    public void add(UsagePoint usagePoint) {
        em.persist(usagePoint);
    }

    /** Persists a channel just added to a usage point now, so that it has its id at once. */
    public void addChannel(org.openmdms.meter.entity.Channel channel) {
        em.persist(channel);
    }

    public Page<UsagePointSummary> search(UsagePointQuery query, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        MeterStore.like(where, params, "lower(up.code)", "code", query.code());
        MeterStore.like(where, params, "lower(up.accountId)", "account", query.accountId());
        MeterStore.like(where, params, "lower(up.feeder)", "feeder", query.feeder());
        MeterStore.like(where, params, "lower(up.transformer)", "transformer", query.transformer());
        if (query.customerClass() != null) {
            where.append(" and up.customerClass = :customerClass");
            params.put("customerClass", query.customerClass());
        }
        if (query.commodity() != null) {
            where.append(" and up.commodity = :commodity");
            params.put("commodity", query.commodity());
        }
        TypedQuery<UsagePointSummary> rows = em.createQuery("select new org.openmdms.meter.store.UsagePointSummary("
                + "up.code, up.commodity, up.customerClass, up.timeZone, up.accountId, up.premiseAddress,"
                + " up.feeder, up.transformer, up.latitude, up.longitude, m.serialNumber)"
                + FROM + where + SortOrder.clause(page, SORTABLE, "up.code", "up.code"), UsagePointSummary.class);
        TypedQuery<Long> count = em.createQuery("select count(up)" + FROM + where, Long.class);
        params.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<UsagePointSummary> items = rows.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        return Page.of(items, page, count::getSingleResult);
    }

    /** Usage points whose code or account starts with the text, or whose address contains it. */
    public List<RegistryHit> hits(String text, int limit) {
        return em.createQuery("select up.code, up.accountId, up.premiseAddress from UsagePoint up"
                        + " where lower(up.code) like :p escape '\\' or lower(up.accountId) like :p escape '\\'"
                        + " or lower(up.premiseAddress) like :c escape '\\' order by up.code", Object[].class)
                .setParameter("p", QueryText.prefixPattern(text))
                .setParameter("c", QueryText.containsPattern(text))
                .setMaxResults(limit)
                .getResultStream()
                .map(r -> new RegistryHit(RegistryHit.Kind.USAGE_POINT, (String) r[0], "Usage point " + r[0]
                        + (r[1] == null ? "" : ", account " + r[1]) + (r[2] == null ? "" : ", " + r[2])))
                .toList();
    }

    /** Feeders known to the registry with the number of usage points on each. */
    public Map<String, Long> countByFeeder() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        em.createQuery("select up.feeder, count(up) from UsagePoint up where up.feeder is not null"
                        + " group by up.feeder", Object[].class)
                .getResultList()
                .forEach(r -> counts.put((String) r[0], (Long) r[1]));
        return counts;
    }

    /** Usage point codes in code order after {@code after} (null: from the first), for work that walks all of them in batches. */
    public List<String> codesAfter(String after, int limit) {
        TypedQuery<String> query = em.createQuery("select up.code from UsagePoint up"
                + (after == null ? "" : " where up.code > :after") + " order by up.code", String.class);
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.setMaxResults(limit).getResultList();
    }

    public long count() {
        return em.createQuery("select count(up) from UsagePoint up", Long.class).getSingleResult();
    }
}
