-- Head-ends resend batches after a timeout: a batch carries an idempotency key, and a key already
-- seen returns the earlier import instead of importing again.
ALTER TABLE reading_import ADD idempotency_key VARCHAR(128);
CREATE UNIQUE INDEX uq_reading_import_idempotency ON reading_import (idempotency_key);
COMMENT ON COLUMN reading_import.idempotency_key IS 'Key the sender gave the batch (REST Idempotency-Key header); unique when present.';
