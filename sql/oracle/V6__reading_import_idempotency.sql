-- Oracle 23ai. Reviewed, not executed on our machines.
-- Twin of sql/common/V6__reading_import_idempotency.sql (Oracle unique indexes ignore NULL keys too).
ALTER TABLE reading_import ADD idempotency_key VARCHAR2(128 CHAR);
CREATE UNIQUE INDEX uq_reading_import_idempotency ON reading_import (idempotency_key);
COMMENT ON COLUMN reading_import.idempotency_key IS 'Key the sender gave the batch (REST Idempotency-Key header); unique when present.';
