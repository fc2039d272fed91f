package org.openmdms.reading.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmdms.operations.boundary.ClusterNode;

/**
 * Imports cut off by the stop of the node running them — this node's own before a restart, or a
 * dead node's in a cluster (checked every 10 seconds; {@link ClusterNode} says which nodes are dead).
 * Their committed chunks are stored, the rest is not. They are marked FAILED (interrupted), and:
 * <ul>
 * <li>a batch (REST with an Idempotency-Key, a JMS message) keeps its key: sent again — JMS
 * redelivers it — it resumes the same import, which then completes;</li>
 * <li>an inbox file the node had claimed is reclaimed by the {@link ReadingInbox} of the node taking
 * over, which resumes the import with it;</li>
 * <li>a file sent over REST or the UI is gone with its connection: import the file again to complete
 * it (what was stored counts as duplicates).</li>
 * </ul>
 * Exactly one live node takes over each import (a conditional update); the file moves are atomic.
 */
@Singleton
@Startup
@DependsOn("ClusterNode")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InterruptedImports {

    private static final Logger LOG = Logger.getLogger(InterruptedImports.class.getName());

    private final AtomicBoolean watching = new AtomicBoolean();

    @Inject
    ClusterNode node;

    @Inject
    IntervalWriter writer;

    @EJB
    ReadingInbox inbox;

    @PostConstruct
    void afterRestart() {
        // this node's own imports of its previous run, and those from before nodes were recorded
        interrupt(node.name(), "a server stop");
        interrupt(null, "a server stop");
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void watch() {
        if (!watching.compareAndSet(false, true)) {
            return;
        }
        try {
            for (String dead : node.deadPeers()) {
                takeOver(dead);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cluster: looking for dead nodes' imports failed; trying again in 10 s", e);
        } finally {
            watching.set(false);
        }
    }

    private void takeOver(String dead) {
        LOG.warning(() -> "Cluster: node " + dead + " is dead (no heartbeat for the timeout); node " + node.name()
                + " takes over its imports and inbox files");
        interrupt(dead, "the stop of node " + dead);
        inbox.reclaim(dead);
        node.forget(dead);
    }

    private void interrupt(String stopped, String cause) {
        int interrupted = writer.interrupt(stopped, "interrupted by " + cause + ": a batch sent again (a JMS message"
                + " is redelivered) or an inbox file resumes the import; import a file sent over REST or the UI again"
                + " to complete it (what was stored is counted as duplicates)");
        if (interrupted > 0) {
            LOG.warning(() -> interrupted + " reading imports were interrupted by " + cause + " and are marked FAILED"
                    + " until resumed");
        }
    }
}
