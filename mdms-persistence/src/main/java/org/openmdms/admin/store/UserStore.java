package org.openmdms.admin.store;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.openmdms.admin.entity.AppUser;

/** Users of the MDMS. There are few of them, so lists are not paged. */
@Dependent
public class UserStore {

    @PersistenceContext(unitName = "mdms")
    EntityManager em;

    public UserStore() {
    }

    public UserStore(EntityManager em) {
        this.em = em;
    }

    public Optional<AppUser> find(String username) {
        return Optional.ofNullable(username == null ? null : em.find(AppUser.class, username));
    }

    public List<AppUser> all() {
        return em.createQuery("select u from AppUser u order by u.username", AppUser.class).getResultList();
    }

    public void add(AppUser user) {
        em.persist(user);
    }

    public long count() {
        return em.createQuery("select count(u) from AppUser u", Long.class).getSingleResult();
    }
}
