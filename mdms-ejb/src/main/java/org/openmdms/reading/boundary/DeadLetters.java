package org.openmdms.reading.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.openmdms.admin.boundary.AuditTrail;
import org.openmdms.admin.entity.Role;

/**
 * The dead-letter queue of head-end messages ({@code java:/jms/queue/mdms/dlq}): messages that could
 * not be imported, each kept whole with the reason, the queue it came from and when it failed, for an
 * administrator to look at, send back to its queue once the cause is fixed, or discard. Sending back
 * and discarding are audited. Messages the broker itself moved here (delivery attempts exhausted
 * without the application deciding) have no reason of ours and are shown as such.
 */
@Stateless
@RolesAllowed(Role.ADMIN)
public class DeadLetters {

    static final String REASON = "mdmsReason";
    static final String QUEUE = "mdmsQueue";
    static final String FAILED_AT = "mdmsFailedAt";
    static final String ORIGINAL_ID = "mdmsOriginalMessageId";
    /** Where the broker notes the address of a message it moved to the dead-letter queue itself. */
    private static final String BROKER_ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";
    private static final int MAX_REASON = 2000;
    private static final int PREVIEW = 300;
    private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/mdms/dlq")
    Queue deadLetterQueue;

    @Resource(lookup = ReadingQueue.LOOKUP)
    Queue readingQueue;

    @Resource(lookup = EventQueue.LOOKUP)
    Queue eventQueue;

    @Inject
    AuditTrail audit;

    /**
     * Puts a copy of the message on the dead-letter queue with the reason, in the caller's
     * transaction: the listener's delivery is acknowledged with the same commit.
     */
    public void forward(Message original, String queue, String reason) {
        try {
            Message copy = copyOf(original);
            copy.setStringProperty(REASON, truncate(reason == null ? "unknown" : reason));
            copy.setStringProperty(QUEUE, queue);
            copy.setStringProperty(FAILED_AT, Instant.now().toString());
            copy.setStringProperty(ORIGINAL_ID, original.getJMSMessageID());
            jms.createProducer().send(deadLetterQueue, copy);
            LOG.warning(() -> "Message " + id(original) + " from " + queue + " sent to the dead-letter queue: " + reason);
        } catch (JMSException e) {
            throw new JMSRuntimeException("Cannot dead-letter message: " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    /** The oldest {@code max} dead letters. */
    public List<DeadLetter> list(int max) {
        List<DeadLetter> letters = new ArrayList<>();
        try (QueueBrowser browser = jms.createBrowser(deadLetterQueue)) {
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements() && letters.size() < max) {
                letters.add(view((Message) messages.nextElement()));
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException("Cannot browse the dead-letter queue: " + e.getMessage(), e.getErrorCode(), e);
        }
        return letters;
    }

    /** How many messages wait on the dead-letter queue. */
    public int count() {
        try (QueueBrowser browser = jms.createBrowser(deadLetterQueue)) {
            return Collections.list(browser.getEnumeration()).size();
        } catch (JMSException e) {
            throw new JMSRuntimeException("Cannot browse the dead-letter queue: " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    /**
     * Sends a dead letter back to the queue it came from, without the dead-letter marks. A message
     * that carried no idempotency key gets its first message id as key, so the retry of a partly
     * imported batch does not store anything twice. Empty if there is no such dead letter.
     */
    public Optional<DeadLetter> retry(String messageId) {
        return take(messageId).map(message -> {
            DeadLetter letter = view(message);
            Queue target = "mdms.events".equals(letter.queue()) ? eventQueue : readingQueue;
            try {
                Message copy = copyOf(message);
                copy.clearProperties();
                for (Map.Entry<String, Object> property : userProperties(message).entrySet()) {
                    if (!property.getKey().startsWith("mdms") && !property.getKey().startsWith("_AMQ")) {
                        copy.setObjectProperty(property.getKey(), property.getValue());
                    }
                }
                if (!copy.propertyExists(HeadEndQueueListener.KEY_PROPERTY)) {
                    copy.setStringProperty(HeadEndQueueListener.KEY_PROPERTY, letter.originalMessageId());
                }
                jms.createProducer().send(target, copy);
            } catch (JMSException e) {
                throw new JMSRuntimeException("Cannot send the message back: " + e.getMessage(), e.getErrorCode(), e);
            }
            audit.record("dead-letter.retry", "dead-letter", messageId, auditView(letter), null);
            return letter;
        });
    }

    /** Removes a dead letter for good. Empty if there is no such dead letter. */
    public Optional<DeadLetter> discard(String messageId) {
        return take(messageId).map(message -> {
            DeadLetter letter = view(message);
            audit.record("dead-letter.discard", "dead-letter", messageId, auditView(letter), null);
            return letter;
        });
    }

    private Optional<Message> take(String messageId) {
        if (messageId == null || !messageId.matches("ID:[0-9A-Za-z-]{1,100}")) {
            return Optional.empty();
        }
        try (JMSConsumer consumer = jms.createConsumer(deadLetterQueue, "JMSMessageID = '" + messageId + "'")) {
            return Optional.ofNullable(consumer.receive(1000));
        }
    }

    private Message copyOf(Message original) throws JMSException {
        Message copy;
        if (original instanceof TextMessage text) {
            copy = jms.createTextMessage(text.getText());
        } else if (original instanceof BytesMessage bytes) {
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.reset();
            bytes.readBytes(body);
            copy = jms.createBytesMessage();
            ((BytesMessage) copy).writeBytes(body);
        } else {
            copy = jms.createMessage();
        }
        for (Map.Entry<String, Object> property : userProperties(original).entrySet()) {
            copy.setObjectProperty(property.getKey(), property.getValue());
        }
        return copy;
    }

    private static Map<String, Object> userProperties(Message message) throws JMSException {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Enumeration<?> names = message.getPropertyNames(); names.hasMoreElements(); ) {
            String name = (String) names.nextElement();
            if (!name.startsWith("JMSX") && !name.startsWith("JMS_")) {
                properties.put(name, message.getObjectProperty(name));
            }
        }
        return properties;
    }

    private static DeadLetter view(Message message) {
        try {
            String body = message instanceof TextMessage text ? text.getText() : null;
            String queue = message.getStringProperty(QUEUE);
            String brokerAddress = message.getStringProperty(BROKER_ORIGINAL_ADDRESS);
            String reason = message.getStringProperty(REASON);
            String failedAt = message.getStringProperty(FAILED_AT);
            String originalId = message.getStringProperty(ORIGINAL_ID);
            return new DeadLetter(message.getJMSMessageID(),
                    queue != null ? queue : brokerAddress == null ? "?" : brokerAddress.replaceFirst("^jms\\.queue\\.", ""),
                    reason != null ? reason : "delivery attempts exhausted (moved by the broker)",
                    failedAt != null ? Instant.parse(failedAt) : Instant.ofEpochMilli(message.getJMSTimestamp()),
                    originalId != null ? originalId : message.getJMSMessageID(),
                    message.getStringProperty(HeadEndQueueListener.KEY_PROPERTY),
                    message instanceof TextMessage ? "text" : message instanceof BytesMessage ? "bytes" : "other",
                    body == null ? 0 : body.length(),
                    body == null ? "" : body.length() > PREVIEW ? body.substring(0, PREVIEW) + "…" : body);
        } catch (JMSException e) {
            throw new JMSRuntimeException("Cannot read a dead letter: " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    private static Map<String, Object> auditView(DeadLetter letter) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("queue", letter.queue());
        view.put("reason", letter.reason());
        view.put("failedAt", letter.failedAt().toString());
        view.put("idempotencyKey", letter.idempotencyKey());
        view.put("size", letter.size());
        return view;
    }

    private static String id(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "?";
        }
    }

    private static String truncate(String reason) {
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    }
}
