package org.openmdms.operations.store;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * The cluster's nodes and their heartbeats (table cluster_node): each node beats every few seconds;
 * one whose last beat is older than the timeout is dead, and the node that removes its row takes
 * over its work. Plain SQL that PostgreSQL, Oracle and H2 all read the same way.
 */
@Dependent
public class ClusterNodeStore {

    @PersistenceContext(unitName = "mdms")
    EntityManager em;

    public ClusterNodeStore() {
    }

    public ClusterNodeStore(EntityManager em) {
        this.em = em;
    }

    /** Records the node as (re)started now. */
    public void started(String node, Instant now) {
        if (em.createNativeQuery("UPDATE cluster_node SET started_at = ?, heartbeat_at = ? WHERE name = ?")
                .setParameter(1, now).setParameter(2, now).setParameter(3, node).executeUpdate() == 0) {
            em.createNativeQuery("INSERT INTO cluster_node (name, started_at, heartbeat_at) VALUES (?, ?, ?)")
                    .setParameter(1, node).setParameter(2, now).setParameter(3, now).executeUpdate();
        }
    }

    /** The node's heartbeat; false if its row was gone (another node had taken it for dead). */
    public boolean beat(String node, Instant now) {
        return em.createNativeQuery("UPDATE cluster_node SET heartbeat_at = ? WHERE name = ?")
                .setParameter(1, now).setParameter(2, node).executeUpdate() == 1;
    }

    /** Nodes other than {@code except} whose last heartbeat is before {@code deadline}. */
    @SuppressWarnings("unchecked")
    public List<String> silentSince(Instant deadline, String except) {
        return em.createNativeQuery("SELECT name FROM cluster_node WHERE heartbeat_at < ? AND name <> ? ORDER BY name")
                .setParameter(1, deadline).setParameter(2, except).getResultList();
    }

    /** Whether the node has a row with a heartbeat at or after {@code deadline}. */
    public boolean alive(String node, Instant deadline) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM cluster_node WHERE name = ? AND heartbeat_at >= ?")
                .setParameter(1, node).setParameter(2, deadline).getSingleResult()).longValue() > 0;
    }

    /** Removes a dead node's row if it is still silent since {@code deadline}; true for the one caller that did. */
    public boolean remove(String node, Instant deadline) {
        return em.createNativeQuery("DELETE FROM cluster_node WHERE name = ? AND heartbeat_at < ?")
                .setParameter(1, node).setParameter(2, deadline).executeUpdate() == 1;
    }
}
