package org.openmdms.reading.boundary;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import org.openmdms.admin.entity.Role;

/** Consumes the head-end event queue {@code java:/jms/queue/mdms/events} (see {@link HeadEndQueueListener}). */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = EventQueue.LOOKUP),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")})
@RunAs(Role.ADMIN)
public class EventQueue extends HeadEndQueueListener {

    static final String LOOKUP = "java:/jms/queue/mdms/events";

    @Override
    protected String queue() {
        return "mdms.events";
    }
}
