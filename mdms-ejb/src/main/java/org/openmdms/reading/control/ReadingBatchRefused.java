package org.openmdms.reading.control;

import jakarta.ejb.ApplicationException;

/** A batch of reads refused whole (no idempotency key, too many reads): nothing is imported. */
@ApplicationException(rollback = true)
public class ReadingBatchRefused extends IllegalArgumentException {

    public ReadingBatchRefused(String message) {
        super(message);
    }
}
