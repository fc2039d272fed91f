package org.openmdms.reading.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmdms.TestDatabase;
import org.openmdms.operations.store.ClusterNodeStore;
import org.openmdms.reading.entity.ImportStatus;
import org.openmdms.reading.entity.ReadingImport;

/**
 * What a cluster relies on when a node dies mid-import: heartbeats tell the dead node, its RUNNING
 * imports are interrupted (a batch's keeps its key), exactly one live node claims each of them, the
 * chunks that committed are known and cannot commit twice, and the dead node can no longer count
 * into an import another node resumed.
 */
class ImportTakeoverIT {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static TestDatabase db;

    @BeforeAll
    static void start() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void aNodeSilentForLongerThanTheTimeoutIsDeadAndOneNodeForgetsIt() {
        db.run(em -> {
            ClusterNodeStore nodes = new ClusterNodeStore(em);
            nodes.started("hb-a", NOW.minusSeconds(300));
            nodes.started("hb-b", NOW.minusSeconds(300));
            nodes.beat("hb-a", NOW.minusSeconds(5));
            nodes.beat("hb-b", NOW.minusSeconds(45));
        });
        Instant deadline = NOW.minusSeconds(30);

        assertEquals(List.of("hb-b"), db.inTransaction(em -> new ClusterNodeStore(em).silentSince(deadline, "hb-a")
                .stream().filter(n -> n.startsWith("hb-")).toList()));
        assertTrue((boolean) db.inTransaction(em -> new ClusterNodeStore(em).alive("hb-a", deadline)));
        assertFalse((boolean) db.inTransaction(em -> new ClusterNodeStore(em).alive("hb-b", deadline)));
        assertFalse((boolean) db.inTransaction(em -> new ClusterNodeStore(em).alive("hb-never", deadline)), "no row: dead");
        assertTrue((boolean) db.inTransaction(em -> new ClusterNodeStore(em).remove("hb-b", deadline)));
        assertFalse((boolean) db.inTransaction(em -> new ClusterNodeStore(em).remove("hb-b", deadline)), "one node forgets it");
        assertFalse((boolean) db.inTransaction(em -> new ClusterNodeStore(em).beat("hb-b", NOW)), "a forgotten node notices");
    }

    @Test
    void aDeadNodesImportsAreInterruptedAndEachIsClaimedByOneNode() {
        long batch = begin("jms q", "node-x", "key-1");
        long file = begin("inbox/cmep/a.csv", "node-x", null);
        long other = begin("inbox/cmep/b.csv", "node-y", null);

        int interrupted = db.inTransaction(em -> new ReadingImportStore(em).interruptRunning("node-x", "interrupted"));

        assertEquals(2, interrupted);
        ReadingImport failed = find(batch);
        assertEquals(ImportStatus.FAILED, failed.status());
        assertEquals("key-1", failed.idempotencyKey(), "a batch keeps its key: sent again, it resumes");
        assertEquals(ImportStatus.RUNNING, find(other).status(), "another node's import runs on");

        assertTrue((boolean) db.inTransaction(em -> new ReadingImportStore(em).claim(batch, "node-x", "node-y")));
        assertFalse((boolean) db.inTransaction(em -> new ReadingImportStore(em).claim(batch, "node-x", "node-z")),
                "claimed once only");
        ReadingImport resumed = find(batch);
        assertEquals(ImportStatus.RUNNING, resumed.status());
        assertEquals("node-y", resumed.node());
        assertEquals(null, resumed.failure());

        assertEquals(file, db.inTransaction(em -> new ReadingImportStore(em).latestOf("inbox/cmep/a.csv", "node-x"))
                .orElseThrow().id());
        assertEquals(List.of("node-y"), db.inTransaction(em -> new ReadingImportStore(em).nodesRunningImports("node-q"))
                .stream().filter(n -> n.startsWith("node-")).toList());
    }

    @Test
    void committedChunksAreKnownCannotCommitTwiceAndOnlyTheRunningNodeCounts() {
        long id = begin("api batch", "node-c", "key-2");
        db.run(em -> {
            ReadingImportStore store = new ReadingImportStore(em);
            store.chunkWritten(id, 1);
            store.addCounts(id, "node-c", 10, 10, 0, 0);
        });
        db.run(em -> new ReadingImportStore(em).chunkWritten(id, 3));
        assertThrows(PersistenceException.class, () -> db.run(em -> new ReadingImportStore(em).chunkWritten(id, 1)));

        assertEquals(Set.of(1, 3), db.inTransaction(em -> new ReadingImportStore(em).writtenChunks(id)));
        assertThrows(ImportTakenOver.class, () -> db.run(em -> new ReadingImportStore(em).addCounts(id, "node-d", 5, 5, 0, 0)),
                "a node that does not run the import");
        db.run(em -> new ReadingImportStore(em).interruptRunning("node-c", "interrupted"));
        assertThrows(ImportTakenOver.class, () -> db.run(em -> new ReadingImportStore(em).addCounts(id, "node-c", 5, 5, 0, 0)),
                "nor one whose import was interrupted");
        assertEquals(10, find(id).stored());
    }

    @Test
    void aCompletedImportIsNotClaimed() {
        long id = begin("api batch", "node-e", "key-3");
        db.run(em -> em.find(ReadingImport.class, id).complete());

        assertFalse((boolean) db.inTransaction(em -> new ReadingImportStore(em).claim(id, "node-e", "node-f")));
        assertEquals(ImportStatus.COMPLETED, find(id).status());
    }

    private static long begin(String source, String node, String key) {
        return db.inTransaction(em -> {
            ReadingImport readingImport = key == null ? new ReadingImport(source, "CMEP", "admin")
                    : new ReadingImport(source, "JSON", "admin", key);
            readingImport.runOn(node);
            new ReadingImportStore(em).add(readingImport);
            em.flush();
            return readingImport.id();
        });
    }

    private static ReadingImport find(long id) {
        return db.inTransaction(em -> em.find(ReadingImport.class, id));
    }
}
