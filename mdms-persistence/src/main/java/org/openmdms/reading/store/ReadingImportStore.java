package org.openmdms.reading.store;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openmdms.paging.Page;
import org.openmdms.paging.PageRequest;
import org.openmdms.reading.entity.ImportStatus;
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

    /**
     * Adds a chunk's counts to its import in one UPDATE, so that chunks written side by side do not
     * overwrite each other's counts; returns how many records the import had rejected before. Only
     * the node running the import may: a node taken for dead whose import another node resumed gets
     * {@link ImportTakenOver}, and its chunk's transaction rolls back.
     */
    public long addCounts(long importId, String node, long received, long stored, long duplicates, long rejected) {
        ReadingImport.checkReconciles(received, stored, duplicates, rejected);
        long rejectedBefore = em.createQuery("select i.rejected from ReadingImport i where i.id = :id", Long.class)
                .setParameter("id", importId).getSingleResult();
        int updated = em.createQuery("update ReadingImport i set i.received = i.received + :received,"
                        + " i.stored = i.stored + :stored, i.duplicates = i.duplicates + :duplicates,"
                        + " i.rejected = i.rejected + :rejected where i.id = :id and i.node = :node and i.status = :running")
                .setParameter("received", received).setParameter("stored", stored)
                .setParameter("duplicates", duplicates).setParameter("rejected", rejected)
                .setParameter("id", importId).setParameter("node", node).setParameter("running", ImportStatus.RUNNING)
                .executeUpdate();
        if (updated == 0) {
            throw new ImportTakenOver(importId, node);
        }
        return rejectedBefore;
    }

    /** Notes that the import's chunk committed (in the chunk's transaction); a second note of the same chunk fails. */
    public void chunkWritten(long importId, int chunkNo) {
        em.createNativeQuery("INSERT INTO reading_import_chunk (import_id, chunk_no, written_at) VALUES (?, ?, ?)")
                .setParameter(1, importId).setParameter(2, chunkNo).setParameter(3, Instant.now()).executeUpdate();
    }

    /** The chunks of the import that committed. */
    public Set<Integer> writtenChunks(long importId) {
        List<?> rows = em.createNativeQuery("SELECT chunk_no FROM reading_import_chunk WHERE import_id = ?")
                .setParameter(1, importId).getResultList();
        Set<Integer> chunks = new HashSet<>();
        rows.forEach(row -> chunks.add(((Number) row).intValue()));
        return chunks;
    }

    /**
     * Ends the RUNNING imports of a node that stopped — died, or this node's own run before a restart
     * ({@code node} null: imports from before nodes were recorded) — as FAILED with the reason. Unlike
     * {@link ReadingImport#fail}, a batch's import keeps its idempotency key: the batch sent again
     * (a JMS redelivery, a resent REST batch) resumes it. Returns how many there were.
     */
    public int interruptRunning(String node, String reason) {
        Query update = em.createQuery("update ReadingImport i set i.status = :failed, i.finishedAt = :now,"
                        + " i.failure = :why, i.version = i.version + 1 where i.status = :running and "
                        + (node == null ? "i.node is null" : "i.node = :node"))
                .setParameter("failed", ImportStatus.FAILED)
                .setParameter("running", ImportStatus.RUNNING)
                .setParameter("now", Instant.now())
                .setParameter("why", reason);
        return (node == null ? update : update.setParameter("node", node)).executeUpdate();
    }

    /**
     * Makes a node's unfinished import (RUNNING on a dead node, or FAILED as interrupted) RUNNING on
     * {@code toNode}, to be resumed there. Conditional: false if it completed, or another node
     * claimed it first.
     */
    public boolean claim(long importId, String fromNode, String toNode) {
        Query update = em.createQuery("update ReadingImport i set i.node = :to, i.status = :running,"
                        + " i.failure = null, i.finishedAt = null, i.version = i.version + 1"
                        + " where i.id = :id and i.status <> :completed and "
                        + (fromNode == null ? "i.node is null" : "i.node = :node"))
                .setParameter("to", toNode)
                .setParameter("running", ImportStatus.RUNNING)
                .setParameter("completed", ImportStatus.COMPLETED)
                .setParameter("id", importId);
        return (fromNode == null ? update : update.setParameter("node", fromNode)).executeUpdate() == 1;
    }

    /** The latest import of the source that the node ran (an inbox file it had claimed), if any. */
    public Optional<ReadingImport> latestOf(String sourceName, String node) {
        return em.createQuery("select i from ReadingImport i where i.sourceName = :source and i.node = :node"
                        + " order by i.id desc", ReadingImport.class)
                .setParameter("source", sourceName).setParameter("node", node).setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** Nodes that have RUNNING imports, other than {@code except}. */
    public List<String> nodesRunningImports(String except) {
        return em.createQuery("select distinct i.node from ReadingImport i where i.status = :running"
                        + " and i.node is not null and i.node <> :except", String.class)
                .setParameter("running", ImportStatus.RUNNING).setParameter("except", except).getResultList();
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
