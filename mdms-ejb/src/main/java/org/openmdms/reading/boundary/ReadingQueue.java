package org.openmdms.reading.boundary;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import org.openmdms.admin.entity.Role;

/** Consumes the head-end reading queue {@code java:/jms/queue/mdms/readings} (see {@link HeadEndQueueListener}). */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = ReadingQueue.LOOKUP),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")})
@RunAs(Role.ADMIN)
public class ReadingQueue extends HeadEndQueueListener {

    static final String LOOKUP = "java:/jms/queue/mdms/readings";

    @Override
    protected String queue() {
        return "mdms.readings";
    }
}
