-- Oracle 23ai. Reviewed, not executed on our machines.
-- Twin of sql/common/V8__reprocessable_rejects.sql.
ALTER TABLE reading_reject ADD record_kind VARCHAR2(1 CHAR);
ALTER TABLE reading_reject ADD record_json VARCHAR2(2000 CHAR);
ALTER TABLE reading_reject ADD reprocessed_in NUMBER(19);
COMMENT ON COLUMN reading_reject.record_kind IS 'I interval read, R register read, E meter event; NULL for a record that could not be parsed.';
COMMENT ON COLUMN reading_reject.record_json IS 'The refused record as an element of the JSON reading batch (reads, registerReads, events).';
COMMENT ON COLUMN reading_reject.reprocessed_in IS 'The import that reprocessed this record, once an analyst did.';
