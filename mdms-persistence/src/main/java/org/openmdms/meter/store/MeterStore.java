package org.openmdms.meter.store;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmdms.meter.entity.Meter;
import org.openmdms.meter.entity.MeterStatus;
import org.openmdms.paging.Page;
import org.openmdms.paging.PageRequest;
import org.openmdms.paging.QueryText;

/** Meters in the database: lookup by serial number and the paged search behind the meter list. */
@Dependent
public class MeterStore {

    private static final Map<String, String> SORTABLE = Map.of(
            "serialNumber", "m.serialNumber",
            "manufacturer", "m.manufacturer",
            "model", "m.model",
            "status", "m.status",
            "usagePoint", "up.code",
            "accountId", "up.accountId",
            "feeder", "up.feeder",
            "transformer", "up.transformer",
            "installedFrom", "i.installedFrom");

    private static final String FROM = " from Meter m"
            + " left join MeterInstallation i on i.meter = m and i.installedTo is null"
            + " left join UsagePoint up on up = i.usagePoint";

    @PersistenceContext(unitName = "mdms")
    EntityManager em;

    public MeterStore() {
    }

    public MeterStore(EntityManager em) {
        this.em = em;
    }

    public Optional<Meter> findBySerialNumber(String serialNumber) {
        if (serialNumber == null) {
            return Optional.empty();
        }
        return em.createQuery("select m from Meter m where m.serialNumber = :serial", Meter.class)
                .setParameter("serial", serialNumber.strip())
                .getResultStream().findFirst();
    }

    /** The meters with these serial numbers, in one query (for bulk imports), keyed by serial number. */
    public Map<String, Meter> findBySerialNumbers(java.util.Collection<String> serialNumbers) {
        Map<String, Meter> found = new HashMap<>();
        if (!serialNumbers.isEmpty()) {
            em.createQuery("select m from Meter m where m.serialNumber in :serials", Meter.class)
                    .setParameter("serials", serialNumbers)
                    .getResultList()
                    .forEach(m -> found.put(m.serialNumber(), m));
        }
        return found;
    }

    /** Database ids of the meters with these serial numbers, in one query (for mapping events in bulk). */
    public Map<String, Long> idsOf(java.util.Collection<String> serialNumbers) {
        Map<String, Long> ids = new HashMap<>();
        if (!serialNumbers.isEmpty()) {
            em.createQuery("select m.serialNumber, m.id from Meter m where m.serialNumber in :serials", Object[].class)
                    .setParameter("serials", serialNumbers)
                    .getResultList()
                    .forEach(row -> ids.put((String) row[0], (Long) row[1]));
        }
        return ids;
    }

    /** Every installation of these meters, in one query (for mapping reads in bulk). */
    public List<MeterPlacement> placementsOf(java.util.Collection<String> serialNumbers) {
        if (serialNumbers.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select new org.openmdms.meter.store.MeterPlacement(m.serialNumber, up.id, up.code,"
                        + " up.timeZone, i.installedFrom, i.installedTo)"
                        + " from MeterInstallation i join i.meter m join i.usagePoint up"
                        + " where m.serialNumber in :serials order by m.serialNumber, i.installedFrom",
                        MeterPlacement.class)
                .setParameter("serials", serialNumbers)
                .getResultList();
    }

    public void add(Meter meter) {
        em.persist(meter);
    }

    public Page<MeterSummary> search(MeterQuery query, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String where = where(query, params);
        TypedQuery<MeterSummary> rows = em.createQuery("select new org.openmdms.meter.store.MeterSummary("
                + "m.serialNumber, m.manufacturer, m.model, m.commodity, m.status,"
                + " up.code, up.accountId, up.feeder, up.transformer, i.installedFrom, up.timeZone)"
                + FROM + where + SortOrder.clause(page, SORTABLE, "m.serialNumber", "m.serialNumber"),
                MeterSummary.class);
        TypedQuery<Long> count = em.createQuery("select count(m)" + FROM + where, Long.class);
        params.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<MeterSummary> items = rows.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        return Page.of(items, page, count::getSingleResult);
    }

    /** Meters whose serial number starts with the text, for the header search box. */
    public List<RegistryHit> hits(String text, int limit) {
        return em.createQuery("select m.serialNumber, m.status from Meter m"
                        + " where lower(m.serialNumber) like :p escape '\\' order by m.serialNumber", Object[].class)
                .setParameter("p", QueryText.prefixPattern(text))
                .setMaxResults(limit)
                .getResultStream()
                .map(r -> new RegistryHit(RegistryHit.Kind.METER, (String) r[0], "Meter " + r[0] + " (" + r[1] + ")"))
                .toList();
    }

    public Map<MeterStatus, Long> countByStatus() {
        Map<MeterStatus, Long> counts = new HashMap<>();
        em.createQuery("select m.status, count(m) from Meter m group by m.status", Object[].class)
                .getResultList()
                .forEach(r -> counts.put((MeterStatus) r[0], (Long) r[1]));
        return counts;
    }

    private static String where(MeterQuery query, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        like(where, params, "lower(m.serialNumber)", "serial", query.serialNumber());
        like(where, params, "lower(up.code)", "usagePoint", query.usagePoint());
        like(where, params, "lower(up.accountId)", "account", query.accountId());
        like(where, params, "lower(up.feeder)", "feeder", query.feeder());
        if (query.status() != null) {
            where.append(" and m.status = :status");
            params.put("status", query.status());
        }
        return where.toString();
    }

    static void like(StringBuilder where, Map<String, Object> params, String path, String name, String filter) {
        if (QueryText.present(filter)) {
            where.append(" and ").append(path).append(" like :").append(name).append(" escape '\\'");
            params.put(name, QueryText.prefixPattern(filter));
        }
    }
}
