package org.openmdms.vee.store;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.openmdms.vee.entity.VeeRuleSet;

/** The VEE rule sets. */
@Dependent
public class RuleSetStore {

    @PersistenceContext(unitName = "mdms")
    EntityManager em;

    public RuleSetStore() {
    }

    public RuleSetStore(EntityManager em) {
        this.em = em;
    }

    public List<VeeRuleSet> all() {
        return em.createQuery("select s from VeeRuleSet s order by s.commodity, s.customerClass nulls first, s.name",
                VeeRuleSet.class).getResultList();
    }

    public Optional<VeeRuleSet> byName(String name) {
        return em.createQuery("select s from VeeRuleSet s where s.name = :name", VeeRuleSet.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    public long count() {
        return em.createQuery("select count(s) from VeeRuleSet s", Long.class).getSingleResult();
    }

    public void add(VeeRuleSet ruleSet) {
        em.persist(ruleSet);
    }
}
