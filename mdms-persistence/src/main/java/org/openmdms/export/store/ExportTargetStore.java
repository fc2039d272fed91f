package org.openmdms.export.store;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.openmdms.export.entity.ExportTarget;

/** The folders administrators chose for the file exports. */
@Dependent
public class ExportTargetStore {

    @PersistenceContext(unitName = "mdms")
    EntityManager em;

    public ExportTargetStore() {
    }

    public ExportTargetStore(EntityManager em) {
        this.em = em;
    }

    public Optional<ExportTarget> find(String exportName) {
        return Optional.ofNullable(em.find(ExportTarget.class, exportName));
    }

    public List<ExportTarget> all() {
        return em.createQuery("select t from ExportTarget t order by t.exportName", ExportTarget.class).getResultList();
    }

    public void add(ExportTarget target) {
        em.persist(target);
    }

    public void remove(ExportTarget target) {
        em.remove(target);
    }
}
