package org.openmdms.admin.store;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.Map;
import org.openmdms.admin.entity.AuditEntry;
import org.openmdms.paging.Page;
import org.openmdms.paging.PageRequest;
import org.openmdms.paging.QueryText;

/** The audit trail: entries are appended, never changed, and read newest first. */
@Dependent
public class AuditStore {

    @PersistenceContext(unitName = "mdms")
    EntityManager em;

    public AuditStore() {
    }

    public AuditStore(EntityManager em) {
        this.em = em;
    }

    public void append(AuditEntry entry) {
        em.persist(entry);
    }

    public Page<AuditEntry> search(AuditQuery query, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        QueryText.equal(where, params, "a.subjectType", "subjectType", query.subjectType());
        QueryText.equal(where, params, "a.subjectKey", "subjectKey", query.subjectKey());
        QueryText.equal(where, params, "a.actor", "actor", query.actor());
        if (query.from() != null) {
            where.append(" and a.recordedAt >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and a.recordedAt < :to");
            params.put("to", query.to());
        }
        TypedQuery<AuditEntry> rows = em.createQuery("select a from AuditEntry a" + where
                + " order by a.recordedAt desc, a.id desc", AuditEntry.class);
        TypedQuery<Long> count = em.createQuery("select count(a) from AuditEntry a" + where, Long.class);
        params.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        return Page.of(rows.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList(), page,
                count::getSingleResult);
    }
}
