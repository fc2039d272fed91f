-- A read refused because the registry did not know its meter or channel can be reprocessed once the
-- registry is fixed: the reject keeps the record itself (as an element of the JSON reading batch) and,
-- once reprocessed, the import that took it up. Parse errors keep no record: the file must be fixed.
ALTER TABLE reading_reject ADD record_kind VARCHAR(1);
ALTER TABLE reading_reject ADD record_json VARCHAR(2000);
ALTER TABLE reading_reject ADD reprocessed_in BIGINT;
COMMENT ON COLUMN reading_reject.record_kind IS 'I interval read, R register read, E meter event; NULL for a record that could not be parsed.';
COMMENT ON COLUMN reading_reject.record_json IS 'The refused record as an element of the JSON reading batch (reads, registerReads, events).';
COMMENT ON COLUMN reading_reject.reprocessed_in IS 'The import that reprocessed this record, once an analyst did.';
