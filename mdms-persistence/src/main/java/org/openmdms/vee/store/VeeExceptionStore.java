package org.openmdms.vee.store;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmdms.paging.Page;
import org.openmdms.paging.PageRequest;
import org.openmdms.paging.QueryText;
import org.openmdms.vee.entity.VeeException;

/** VEE exceptions: raised and found again by VEE runs, worked by analysts in the queue. */
@Dependent
public class VeeExceptionStore {

    private static final String FROM = " from VeeException e, UsagePoint u where u.id = e.usagePointId";

    @PersistenceContext(unitName = "mdms")
    EntityManager em;

    public VeeExceptionStore() {
    }

    public VeeExceptionStore(EntityManager em) {
        this.em = em;
    }

    public void add(VeeException exception) {
        em.persist(exception);
    }

    public Optional<VeeException> find(long id) {
        return Optional.ofNullable(em.find(VeeException.class, id));
    }

    /** A channel's exceptions whose first interval ends in [from, to): what a re-run over the range compares with. */
    public List<VeeException> ofChannel(long channelId, Instant from, Instant to) {
        return em.createQuery("select e from VeeException e where e.channelId = :channel"
                        + " and e.firstEnd >= :from and e.firstEnd < :to order by e.firstEnd, e.ruleId", VeeException.class)
                .setParameter("channel", channelId).setParameter("from", from).setParameter("to", to)
                .getResultList();
    }

    /**
     * The exceptions of several channels whose first interval ends in [from, to), in one query per 500
     * channels. In SQL, not JPQL: a JPQL query with a list parameter is translated anew on every
     * execution (Hibernate caches no plan for it), and VEE asks this for every batch.
     */
    @SuppressWarnings("unchecked")
    public List<VeeException> ofChannels(java.util.Collection<Long> channelIds, Instant from, Instant to) {
        List<Long> ids = List.copyOf(new java.util.TreeSet<>(channelIds));
        List<VeeException> found = new java.util.ArrayList<>();
        for (int start = 0; start < ids.size(); start += 500) {
            found.addAll(em.createNativeQuery("SELECT * FROM vee_exception WHERE channel_id IN (:channels)"
                            + " AND first_end >= :from AND first_end < :to", VeeException.class)
                    .setParameter("channels", ids.subList(start, Math.min(ids.size(), start + 500)))
                    .setParameter("from", from).setParameter("to", to)
                    .getResultList());
        }
        return found;
    }

    /** The queue: newest days first, then by severity (errors first) and time. */
    public Page<ExceptionRow> search(ExceptionQuery query, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String where = where(query, params);
        TypedQuery<Object[]> rows = em.createQuery("select e, u.code, u.feeder, u.timeZone" + FROM + where
                + " order by e.localDay desc, case e.severity when 'ERROR' then 0 when 'WARNING' then 1 else 2 end,"
                + " e.firstEnd, e.id", Object[].class);
        TypedQuery<Long> count = em.createQuery("select count(e)" + FROM + where, Long.class);
        params.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<ExceptionRow> items = rows.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList()
                .stream().map(r -> new ExceptionRow((VeeException) r[0], (String) r[1], (String) r[2], (String) r[3]))
                .toList();
        return Page.of(items, page, count::getSingleResult);
    }

    /** The ids of every exception the query selects (for bulk actions over a filtered queue), at most {@code max}. */
    public List<Long> ids(ExceptionQuery query, int max) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Long> ids = em.createQuery("select e.id" + FROM + where(query, params) + " order by e.id", Long.class);
        params.forEach(ids::setParameter);
        return ids.setMaxResults(max).getResultList();
    }

    /** Counts by rule, severity and status over the exceptions the query selects. */
    public List<RuleCount> counts(ExceptionQuery query) {
        Map<String, Object> params = new HashMap<>();
        TypedQuery<Object[]> counts = em.createQuery("select e.ruleId, e.severity, e.status, count(e)" + FROM
                + where(query, params) + " group by e.ruleId, e.severity, e.status order by e.ruleId, e.severity",
                Object[].class);
        params.forEach(counts::setParameter);
        return counts.getResultList().stream().map(r -> new RuleCount((String) r[0], (String) r[1],
                (org.openmdms.vee.entity.ExceptionStatus) r[2], (Long) r[3])).toList();
    }

    private static String where(ExceptionQuery q, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        QueryText.equal(where, params, "e.ruleId", "rule", q.ruleId());
        QueryText.equal(where, params, "e.severity", "severity", q.severity());
        QueryText.equal(where, params, "u.feeder", "feeder", q.feeder());
        QueryText.equal(where, params, "u.code", "usagePoint", q.usagePoint());
        QueryText.equal(where, params, "e.assignee", "assignee", q.assignee());
        if (q.status() != null) {
            where.append(" and e.status = :status");
            params.put("status", q.status());
        }
        if (q.from() != null) {
            where.append(" and e.localDay >= :from");
            params.put("from", q.from());
        }
        if (q.to() != null) {
            where.append(" and e.localDay < :to");
            params.put("to", q.to());
        }
        return where.toString();
    }
}
