package org.openmdms.reading.store;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.openmdms.paging.Page;
import org.openmdms.paging.PageRequest;
import org.openmdms.reading.entity.ReadingImport;
import org.openmdms.reading.entity.ReadingReject;

/** Import records and their rejects. */
@Dependent
public class ReadingImportStore {

    @PersistenceContext(unitName = "mdms")
    EntityManager em;

    public ReadingImportStore() {
    }

    public ReadingImportStore(EntityManager em) {
        this.em = em;
    }

    public void add(ReadingImport readingImport) {
        em.persist(readingImport);
    }

    /** Writes now, so that a unique key is checked inside the caller's method, not at commit. */
    public void flush() {
        em.flush();
    }

    public void addReject(ReadingReject reject) {
        em.persist(reject);
    }

    public Optional<ReadingImport> findByIdempotencyKey(String key) {
        return em.createQuery("select i from ReadingImport i where i.idempotencyKey = :key", ReadingImport.class)
                .setParameter("key", key).getResultStream().findFirst();
    }

    public Optional<ReadingImport> find(long id) {
        return Optional.ofNullable(em.find(ReadingImport.class, id));
    }

    /** Marks every RUNNING import FAILED with the reason; returns how many there were. */
    /**
     * Adds a chunk's counts to its import in one UPDATE, so that chunks written side by side do not
     * overwrite each other's counts; returns how many records the import had rejected before.
     */
    public long addCounts(long importId, long received, long stored, long duplicates, long rejected) {
        org.openmdms.reading.entity.ReadingImport.checkReconciles(received, stored, duplicates, rejected);
        long rejectedBefore = em.createQuery("select i.rejected from ReadingImport i where i.id = :id", Long.class)
                .setParameter("id", importId).getSingleResult();
        em.createQuery("update ReadingImport i set i.received = i.received + :received,"
                        + " i.stored = i.stored + :stored, i.duplicates = i.duplicates + :duplicates,"
                        + " i.rejected = i.rejected + :rejected where i.id = :id")
                .setParameter("received", received).setParameter("stored", stored)
                .setParameter("duplicates", duplicates).setParameter("rejected", rejected)
                .setParameter("id", importId).executeUpdate();
        return rejectedBefore;
    }

    public int failRunning(String reason) {
        return em.createQuery("update ReadingImport i set i.status = :failed, i.finishedAt = :now, i.failure = :why,"
                        + " i.version = i.version + 1 where i.status = :running")
                .setParameter("failed", org.openmdms.reading.entity.ImportStatus.FAILED)
                .setParameter("running", org.openmdms.reading.entity.ImportStatus.RUNNING)
                .setParameter("now", java.time.Instant.now())
                .setParameter("why", reason)
                .executeUpdate();
    }

    public Page<ReadingImport> recent(PageRequest page) {
        List<ReadingImport> items = em.createQuery("select i from ReadingImport i order by i.startedAt desc, i.id desc",
                ReadingImport.class).setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        return Page.of(items, page,
                () -> em.createQuery("select count(i) from ReadingImport i", Long.class).getSingleResult());
    }

    /** The import's refused records that keep their record and were not reprocessed yet, in line order. */
    public List<ReadingReject> reprocessable(long importId) {
        return em.createQuery("select r from ReadingReject r where r.importId = :id and r.recordJson is not null"
                        + " and r.reprocessedIn is null order by r.line, r.id", ReadingReject.class)
                .setParameter("id", importId).getResultList();
    }

    public long countReprocessable(long importId) {
        return em.createQuery("select count(r) from ReadingReject r where r.importId = :id"
                        + " and r.recordJson is not null and r.reprocessedIn is null", Long.class)
                .setParameter("id", importId).getSingleResult();
    }

    /** Notes on the rejects that the import {@code reprocessedIn} took them up. */
    public void markReprocessed(List<Long> rejectIds, long reprocessedIn) {
        for (int from = 0; from < rejectIds.size(); from += 1000) {
            em.createQuery("update ReadingReject r set r.reprocessedIn = :by where r.id in :ids")
                    .setParameter("by", reprocessedIn)
                    .setParameter("ids", rejectIds.subList(from, Math.min(rejectIds.size(), from + 1000)))
                    .executeUpdate();
        }
    }

    public Page<ReadingReject> rejects(long importId, PageRequest page) {
        List<ReadingReject> items = em.createQuery("select r from ReadingReject r where r.importId = :id"
                        + " order by r.line, r.id", ReadingReject.class)
                .setParameter("id", importId).setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        long total = em.createQuery("select count(r) from ReadingReject r where r.importId = :id", Long.class)
                .setParameter("id", importId).getSingleResult();
        return new Page<>(items, total);
    }
}
