package org.openmdms.reading.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * A head-end message on the dead-letter queue: its id there, the queue it came from, why it was
 * not imported, when, its first message id, its idempotency key, body kind and size (characters),
 * and the start of its body.
 */
public record DeadLetter(String id, String queue, String reason, Instant failedAt, String originalMessageId,
        String idempotencyKey, String kind, int size, String preview) implements Serializable {
}
