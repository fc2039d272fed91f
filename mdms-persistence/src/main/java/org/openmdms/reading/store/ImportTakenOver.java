package org.openmdms.reading.store;

/**
 * A node wrote to an import it no longer runs: it was taken for dead (its heartbeat stopped for
 * longer than the cluster's timeout) and another node resumed the import. The chunk's transaction
 * rolls back; the other node writes it.
 */
public class ImportTakenOver extends RuntimeException {

    public ImportTakenOver(long importId, String node) {
        super("import " + importId + " is no longer run by node " + node + ": another node resumed it");
    }
}
