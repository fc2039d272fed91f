package org.openmdms.schedule.store;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openmdms.paging.Page;
import org.openmdms.paging.PageRequest;
import org.openmdms.schedule.entity.JobRun;

/** The run history of scheduled jobs, newest first. */
@Dependent
public class JobRunStore {

    @PersistenceContext(unitName = "mdms")
    EntityManager em;

    public JobRunStore() {
    }

    public JobRunStore(EntityManager em) {
        this.em = em;
    }

    public JobRun add(JobRun run) {
        em.persist(run);
        return run;
    }

    public Optional<JobRun> find(long id) {
        return Optional.ofNullable(em.find(JobRun.class, id));
    }

    /** The runs of one job (or of all when null), newest first. */
    public Page<JobRun> runs(String jobName, PageRequest page) {
        String where = jobName == null ? "" : " where r.jobName = :job";
        var rows = em.createQuery("select r from JobRun r" + where + " order by r.startedAt desc, r.id desc",
                JobRun.class);
        var count = em.createQuery("select count(r) from JobRun r" + where, Long.class);
        if (jobName != null) {
            rows.setParameter("job", jobName);
            count.setParameter("job", jobName);
        }
        return Page.of(rows.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList(), page,
                count::getSingleResult);
    }

    /**
     * Deletes the history of runs that started before the instant and have ended; a run still
     * marked RUNNING is kept (it is running, or waits for its recovery to close it). Returns how many.
     */
    public int deleteEndedBefore(Instant before) {
        return em.createQuery("delete from JobRun r where r.startedAt < :before and r.status <> :running")
                .setParameter("before", before).setParameter("running", JobRun.Status.RUNNING).executeUpdate();
    }

    /** The runs of a job's firing still marked RUNNING (left behind by a node that died during them). */
    public List<JobRun> running(String jobName, Instant fireTime) {
        return em.createQuery("select r from JobRun r where r.jobName = :job and r.fireTime = :fire"
                + " and r.status = :status", JobRun.class)
                .setParameter("job", jobName).setParameter("fire", fireTime)
                .setParameter("status", JobRun.Status.RUNNING).getResultList();
    }
}
