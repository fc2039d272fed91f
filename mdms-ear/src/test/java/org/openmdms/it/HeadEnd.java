package org.openmdms.it;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * A head-end pushing over JMS as a remote client: through the server's HTTP port (http-upgrade to
 * the broker), with an MDMS user's credentials, using the client library WildFly ships
 * ({@code bin/client/jboss-client.jar}, on the failsafe class path).
 */
final class HeadEnd implements AutoCloseable {

    private final JMSContext context;

    private HeadEnd(JMSContext context) {
        this.context = context;
    }

    static HeadEnd connect(String user, String password) {
        String url = "tcp://127.0.0.1:" + System.getProperty("mdms.it.http.port", "8180")
                + "?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor";
        try {
            ConnectionFactory factory = (ConnectionFactory) Class
                    .forName("org.apache.activemq.artemis.jms.client.ActiveMQJMSConnectionFactory")
                    .getConstructor(String.class).newInstance(url);
            // WildFly names JMS queues' addresses jms.queue.<name>: the client adds that prefix.
            factory.getClass().getMethod("setEnable1xPrefixes", boolean.class).invoke(factory, true);
            return new HeadEnd(factory.createContext(user, password));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The JMS client (jboss-client.jar) is not on the class path", e);
        }
    }

    /** Sends a text message with an optional idempotency key. */
    void sendText(String queue, String body, String idempotencyKey) {
        Message message = context.createTextMessage(body);
        send(queue, message, idempotencyKey);
    }

    /** Sends a message without a body (not text). */
    void sendEmpty(String queue, String idempotencyKey) {
        send(queue, context.createMessage(), idempotencyKey);
    }

    private void send(String queue, Message message, String idempotencyKey) {
        try {
            if (idempotencyKey != null) {
                message.setStringProperty("idempotencyKey", idempotencyKey);
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
        context.createProducer().send(context.createQueue(queue), message);
    }

    /** A non-durable subscription to a topic (as the outage management system would hold one). */
    jakarta.jms.JMSConsumer subscribe(String topic) {
        return context.createConsumer(context.createTopic(topic));
    }

    @Override
    public void close() {
        context.close();
    }
}
