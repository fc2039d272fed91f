package org.openmdms.billing.store;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openmdms.billing.entity.BillingCycle;
import org.openmdms.billing.entity.BillingRun;
import org.openmdms.billing.entity.CppEvent;
import org.openmdms.billing.entity.Holidays;
import org.openmdms.billing.entity.Tariff;

/** Tariffs, holiday calendars, critical-peak events, billing cycles and billing runs. */
@Dependent
public class TariffStore {

    @PersistenceContext(unitName = "mdms")
    EntityManager em;

    public List<Tariff> tariffs() {
        return em.createQuery("select t from Tariff t order by t.code", Tariff.class).getResultList();
    }

    public Optional<Tariff> tariff(String code) {
        return em.createQuery("select t from Tariff t where t.code = :code", Tariff.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    public Optional<Tariff> tariff(long id) {
        return Optional.ofNullable(em.find(Tariff.class, id));
    }

    public List<Holidays> holidayCalendars() {
        return em.createQuery("select h from Holidays h order by h.code", Holidays.class).getResultList();
    }

    public Optional<Holidays> holidays(String code) {
        return em.createQuery("select h from Holidays h where h.code = :code", Holidays.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    public Optional<Holidays> holidays(long id) {
        return Optional.ofNullable(em.find(Holidays.class, id));
    }

    public List<BillingCycle> cycles() {
        return em.createQuery("select c from BillingCycle c order by c.code", BillingCycle.class).getResultList();
    }

    public Optional<BillingCycle> cycle(String code) {
        return em.createQuery("select c from BillingCycle c where c.code = :code", BillingCycle.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    public Optional<BillingCycle> cycle(long id) {
        return Optional.ofNullable(em.find(BillingCycle.class, id));
    }

    /** The tariff's critical-peak events that overlap [from, to), in time order. */
    public List<CppEvent> cppEvents(long tariffId, Instant from, Instant to) {
        return em.createQuery("select e from CppEvent e where e.scheduleId = :tariff and e.startsAt < :to"
                        + " and e.endsAt > :from order by e.startsAt", CppEvent.class)
                .setParameter("tariff", tariffId).setParameter("from", from).setParameter("to", to).getResultList();
    }

    public List<CppEvent> cppEvents(long tariffId) {
        return em.createQuery("select e from CppEvent e where e.scheduleId = :tariff order by e.startsAt", CppEvent.class)
                .setParameter("tariff", tariffId).getResultList();
    }

    public Optional<CppEvent> cppEvent(long id) {
        return Optional.ofNullable(em.find(CppEvent.class, id));
    }

    public void remove(CppEvent event) {
        em.remove(event);
    }

    public Optional<BillingRun> run(long id) {
        return Optional.ofNullable(em.find(BillingRun.class, id));
    }

    /**
     * Ends a run in one UPDATE of its status, end time and failure (a given failure replaces the kept
     * one), never of its counts: a run read, ended and flushed as an entity wrote back the counts it had
     * read, and lost a lane's progress that committed in between.
     */
    public void finishRun(long runId, BillingRun.Status status, String failure, Instant at) {
        em.createQuery("update BillingRun r set r.status = :status, r.finishedAt = :at,"
                        + " r.failure = coalesce(:failure, r.failure) where r.id = :id")
                .setParameter("status", status).setParameter("at", at).setParameter("failure", clipped(failure))
                .setParameter("id", runId).executeUpdate();
    }

    private static String clipped(String failure) {
        return failure == null || failure.length() <= 2000 ? failure : failure.substring(0, 2000);
    }

    /** Adds counts to a run atomically (lanes report side by side); the first failure is kept. */
    public void addProgress(long runId, int done, int calculated, int unchanged, int failed, String failure) {
        em.createQuery("update BillingRun r set r.done = r.done + :done, r.calculated = r.calculated + :calculated,"
                        + " r.unchanged = r.unchanged + :unchanged, r.failed = r.failed + :failed,"
                        + " r.failure = coalesce(r.failure, :failure) where r.id = :id")
                .setParameter("done", done).setParameter("calculated", calculated).setParameter("unchanged", unchanged)
                .setParameter("failed", failed)
                .setParameter("failure", clipped(failure)).setParameter("id", runId).executeUpdate();
    }

    /** The latest runs, newest first. */
    public List<BillingRun> runs(int limit) {
        return em.createQuery("select r from BillingRun r order by r.startedAt desc, r.id desc", BillingRun.class)
                .setMaxResults(limit).getResultList();
    }

    /** Codes of the usage points of a cycle, in code order. */
    public List<String> usagePointsOf(long cycleId) {
        return em.createQuery("select up.code from UsagePoint up where up.billingCycleId = :cycle order by up.code",
                String.class).setParameter("cycle", cycleId).getResultList();
    }

    public void add(Object entity) {
        em.persist(entity);
        em.flush();
    }
}
