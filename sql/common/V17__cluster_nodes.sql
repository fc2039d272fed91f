-- Cluster (issue 8): several nodes on one database. Each node records itself in cluster_node and
-- beats every few seconds; a node whose heartbeat is older than the timeout is dead, and a live node
-- takes over its unfinished reading imports. An import remembers the node running it and the chunks
-- it has committed, so that a retry of the same content (a JMS redelivery, a resent batch, an inbox
-- file reclaimed from a dead node) resumes it: committed chunks are skipped, the others written, and
-- the import ends COMPLETED with the counts it would have had without the interruption.
-- See docs/operations.md, "Cluster", and docs/reading-import.md.
ALTER TABLE reading_import ADD node VARCHAR(64);
COMMENT ON COLUMN reading_import.node IS 'The node (jboss.node.name) running the import, or that ran it last; a node that resumes a dead node''s import puts its own name. NULL for imports before V17.';
CREATE INDEX ix_reading_import_node ON reading_import (node, status);

CREATE TABLE reading_import_chunk (
    import_id   BIGINT                   NOT NULL,
    chunk_no    INTEGER                  NOT NULL,
    written_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_reading_import_chunk PRIMARY KEY (import_id, chunk_no),
    CONSTRAINT fk_reading_import_chunk_import FOREIGN KEY (import_id) REFERENCES reading_import (id)
);
COMMENT ON TABLE reading_import_chunk IS 'A chunk of an import that committed (written in the chunk''s own transaction): a resumed import skips it. The key also stops two nodes from writing the same chunk.';
COMMENT ON COLUMN reading_import_chunk.chunk_no IS 'The chunk''s position in the import, from 1: the same content always splits into the same chunks.';

CREATE TABLE cluster_node (
    name          VARCHAR(64)              NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_cluster_node PRIMARY KEY (name)
);
COMMENT ON TABLE cluster_node IS 'A node of the cluster and its last heartbeat; a node that stops beating for longer than mdms.cluster.node.timeout.seconds is taken for dead and its row removed by the node that takes over its work.';
COMMENT ON COLUMN cluster_node.name IS 'The node''s name, jboss.node.name (unique per cluster).';
COMMENT ON COLUMN cluster_node.started_at IS 'When the node started last.';
COMMENT ON COLUMN cluster_node.heartbeat_at IS 'The node''s clock at its last heartbeat (nodes keep their clocks in sync, NTP).';
