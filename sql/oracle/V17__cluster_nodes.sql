-- Oracle 23ai. Reviewed, not executed on our machines.
-- Twin of sql/common/V17__cluster_nodes.sql: the node running each import, the chunks an import has
-- committed (a resumed import skips them) and the cluster's nodes with their heartbeats.
ALTER TABLE reading_import ADD node VARCHAR2(64 CHAR);
COMMENT ON COLUMN reading_import.node IS 'The node (jboss.node.name) running the import, or that ran it last; a node that resumes a dead node''s import puts its own name. NULL for imports before V17.';
CREATE INDEX ix_reading_import_node ON reading_import (node, status);

CREATE TABLE reading_import_chunk (
    import_id   NUMBER(19)               NOT NULL,
    chunk_no    NUMBER(10)               NOT NULL,
    written_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_reading_import_chunk PRIMARY KEY (import_id, chunk_no),
    CONSTRAINT fk_reading_import_chunk_import FOREIGN KEY (import_id) REFERENCES reading_import (id)
);
COMMENT ON TABLE reading_import_chunk IS 'A chunk of an import that committed (written in the chunk''s own transaction): a resumed import skips it. The key also stops two nodes from writing the same chunk.';
COMMENT ON COLUMN reading_import_chunk.chunk_no IS 'The chunk''s position in the import, from 1: the same content always splits into the same chunks.';

CREATE TABLE cluster_node (
    name          VARCHAR2(64 CHAR)        NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_cluster_node PRIMARY KEY (name)
);
COMMENT ON TABLE cluster_node IS 'A node of the cluster and its last heartbeat; a node that stops beating for longer than mdms.cluster.node.timeout.seconds is taken for dead and its row removed by the node that takes over its work.';
COMMENT ON COLUMN cluster_node.name IS 'The node''s name, jboss.node.name (unique per cluster).';
COMMENT ON COLUMN cluster_node.started_at IS 'When the node started last.';
COMMENT ON COLUMN cluster_node.heartbeat_at IS 'The node''s clock at its last heartbeat (nodes keep their clocks in sync, NTP).';
