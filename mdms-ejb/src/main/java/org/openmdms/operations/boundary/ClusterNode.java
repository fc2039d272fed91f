package org.openmdms.operations.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.openmdms.config.Settings;
import org.openmdms.operations.store.ClusterNodeStore;
import org.openmdms.reading.store.ReadingImportStore;

/**
 * This server as a node of the cluster: its name ({@code jboss.node.name}, unique per cluster; a
 * single server is a cluster of one) and its heartbeat in the database every 5 seconds. A node
 * whose heartbeat is older than {@link Settings#clusterNodeTimeoutSeconds()} — killed, crashed,
 * cut off from the database — is dead: the live nodes take over its unfinished work
 * ({@code InterruptedImports}). Node clocks are expected in sync (NTP); the timeout is far above
 * any skew they keep.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ClusterNode {

    private static final Logger LOG = Logger.getLogger(ClusterNode.class.getName());

    @Inject
    ClusterNodeStore nodes;

    @Inject
    ReadingImportStore imports;

    /** Not used directly: this bean starts after the persistence unit, whose start migrates the schema (V17 holds cluster_node). */
    @PersistenceUnit(unitName = "mdms")
    EntityManagerFactory migratedSchema;

    private final String name = nodeName();

    @PostConstruct
    void start() {
        nodes.started(name, Instant.now());
        LOG.info(() -> "Cluster node " + name + " started (taken for dead after " + Settings.clusterNodeTimeoutSeconds()
                + " s without a heartbeat)");
    }

    /** This node's name. */
    public String name() {
        return name;
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void beat() {
        if (!nodes.beat(name, Instant.now())) {
            // another node took this one for dead (a long pause) and removed it; its work was taken over
            LOG.warning(() -> "Cluster node " + name + " had been taken for dead by another node; it beats again");
            nodes.started(name, Instant.now());
        }
    }

    /** Whether the node beats: this one always; another if its last heartbeat is within the timeout. */
    public boolean alive(String node) {
        return name.equals(node) || node != null && nodes.alive(node, deadline());
    }

    /**
     * The dead nodes whose work may be left: nodes silent for longer than the timeout, and nodes
     * without a heartbeat that still have RUNNING imports.
     */
    public List<String> deadPeers() {
        Instant deadline = deadline();
        Set<String> dead = new LinkedHashSet<>(nodes.silentSince(deadline, name));
        for (String node : imports.nodesRunningImports(name)) {
            if (!nodes.alive(node, deadline)) {
                dead.add(node);
            }
        }
        return List.copyOf(dead);
    }

    /** Forgets a dead node once its work is taken over (it records itself again when it starts). */
    public void forget(String node) {
        nodes.remove(node, deadline());
    }

    private static Instant deadline() {
        return Instant.now().minus(Duration.ofSeconds(Settings.clusterNodeTimeoutSeconds()));
    }

    /** WildFly's node name (the -Djboss.node.name of each cluster member; the host name by default). */
    static String nodeName() {
        String configured = System.getProperty("jboss.node.name");
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
