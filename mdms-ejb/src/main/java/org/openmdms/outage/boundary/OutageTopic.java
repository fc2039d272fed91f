package org.openmdms.outage.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.util.List;
import org.openmdms.outage.store.OutageRows;

/** Sends an outage notice to the JMS topic other systems subscribe to. */
@Stateless
@PermitAll
public class OutageTopic {

    static final String LOOKUP = "java:/jms/topic/mdms/outages";

    @Resource(lookup = LOOKUP)
    Topic topic;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    /**
     * Sends the notices in one transaction (the container's, started here when the caller has none):
     * the broker takes them all, with one write of its journal, or none.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void sendAll(List<OutageRows.Notice> notices) {
        notices.forEach(this::send);
    }

    /** The message carries the notice's JSON, with its id, outage, version and kind as properties. */
    private void send(OutageRows.Notice notice) {
        TextMessage message = jms.createTextMessage(notice.payload());
        try {
            message.setLongProperty("noticeId", notice.id());
            message.setLongProperty("outageId", notice.outageId());
            message.setIntProperty("version", notice.outageVersion());
            message.setStringProperty("kind", notice.kind());
        } catch (jakarta.jms.JMSException e) {
            throw new jakarta.jms.JMSRuntimeException(e.getMessage());
        }
        jms.createProducer().send(topic, message);
    }
}
