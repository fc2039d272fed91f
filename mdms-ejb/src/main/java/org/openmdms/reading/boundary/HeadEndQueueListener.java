package org.openmdms.reading.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmdms.config.Settings;
import org.openmdms.reading.control.ReadingBatch;
import org.openmdms.reading.control.ReadingBatchRefused;
import org.openmdms.reading.entity.ImportStatus;

/**
 * Head-end push over JMS: each message is a text message whose body is a JSON reading batch, the
 * same document as {@code POST /api/readings/batch}, imported the same way (bad records rejected with
 * their position and reason, counts reconciled). The string property {@value #KEY_PROPERTY} is the
 * batch's idempotency key; without it the JMS message id is, so a redelivered message is never
 * imported twice.
 *
 * <p>A message that can never be imported — not text, not JSON, a batch refused whole — is a
 * poison message: it goes to the dead-letter queue at once with the reason ({@link DeadLetters}).
 * A failure that may pass (the database away, say) rolls the delivery back and the broker redelivers
 * it with a growing delay; the last attempt ({@value #ATTEMPTS}) goes to the dead-letter queue with
 * the failure as its reason. A message redelivered because the node importing it died (its broker's
 * backup took over on another node) resumes that node's import of it once the node is taken for
 * dead: nothing is stored twice or lost. The broker delivers as nobody in particular (hence {@code PermitAll});
 * the listeners import with the rights of {@code @RunAs}.
 */
@PermitAll
public abstract class HeadEndQueueListener implements MessageListener {

    /** Message property carrying the sender's idempotency key. */
    public static final String KEY_PROPERTY = "idempotencyKey";

    /** Deliveries of a message before it is given up (the broker's max-delivery-attempts, messaging.cli). */
    static final int ATTEMPTS = 5;

    private static final Logger LOG = Logger.getLogger(HeadEndQueueListener.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    ReadingImporter importer;

    @Inject
    DeadLetters deadLetters;

    @Resource
    MessageDrivenContext context;

    /** The queue this listener consumes, as the dead-letter record names it. */
    protected abstract String queue();

    @Override
    public void onMessage(Message message) {
        ReadingBatch batch;
        String key;
        try {
            batch = parse(message);
            key = message.getStringProperty(KEY_PROPERTY);
            if (key == null || key.isBlank()) {
                key = message.getJMSMessageID();
            }
        } catch (PoisonMessage | JMSException e) {
            deadLetters.forward(message, queue(), e.getMessage());
            return;
        }
        try {
            BatchImport result = awaitEarlierDelivery(key, batch);
            if (result.replayed() && result.readingImport().status() == ImportStatus.RUNNING) {
                retryOrGiveUp(message, "import " + result.readingImport().id() + " of this batch is still running on node "
                        + result.readingImport().node());
            } else if (result.readingImport().status() == ImportStatus.FAILED) {
                retryOrGiveUp(message, "import " + result.readingImport().id() + " failed: "
                        + result.readingImport().failure());
            }
        } catch (ReadingBatchRefused e) {
            deadLetters.forward(message, queue(), e.getMessage());
        } catch (EJBException e) {
            retryOrGiveUp(message, e.getCausedByException() == null ? String.valueOf(e.getMessage())
                    : e.getCausedByException().toString());
        }
    }

    /**
     * Imports the batch; if an earlier delivery's import of it is still RUNNING — a redelivery after
     * the node that took the first delivery died, before the cluster takes that node for dead — waits
     * until it ends or its node is taken for dead (then this delivery resumes it), at most twice the
     * cluster's node timeout.
     */
    private BatchImport awaitEarlierDelivery(String key, ReadingBatch batch) {
        BatchImport result = importer.importBatch(key, batch, "jms " + queue());
        long until = System.nanoTime() + Duration.ofSeconds(2L * Settings.clusterNodeTimeoutSeconds() + 20).toNanos();
        while (result.replayed() && result.readingImport().status() == ImportStatus.RUNNING
                && System.nanoTime() < until) {
            long id = result.readingImport().id();
            LOG.fine(() -> "Message from " + queue() + ": import " + id + " of its batch is still running; waiting");
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            result = importer.importBatch(key, batch, "jms " + queue());
        }
        return result;
    }

    private void retryOrGiveUp(Message message, String reason) {
        int delivery = deliveryCount(message);
        if (delivery >= ATTEMPTS) {
            deadLetters.forward(message, queue(), "gave up after " + delivery + " deliveries: " + reason);
        } else {
            LOG.log(Level.WARNING, () -> "Message from " + queue() + " not imported (delivery " + delivery + " of "
                    + ATTEMPTS + "), the broker will redeliver it: " + reason);
            context.setRollbackOnly();
        }
    }

    private static int deliveryCount(Message message) {
        try {
            return message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 1;
        } catch (JMSException e) {
            return 1;
        }
    }

    private static ReadingBatch parse(Message message) throws JMSException {
        if (!(message instanceof TextMessage text)) {
            throw new PoisonMessage("not a text message: a JSON reading batch is expected");
        }
        String body = text.getText();
        if (body == null || body.isBlank()) {
            throw new PoisonMessage("the message is empty: a JSON reading batch is expected");
        }
        try {
            ReadingBatch batch = JSON.fromJson(body, ReadingBatch.class);
            if (batch == null) {
                throw new PoisonMessage("the message is not a JSON reading batch");
            }
            return batch;
        } catch (JsonbException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new PoisonMessage("malformed JSON reading batch: " + cause.getMessage());
        }
    }

    /** A message no redelivery can import. */
    private static final class PoisonMessage extends RuntimeException {
        PoisonMessage(String reason) {
            super(reason);
        }
    }
}
