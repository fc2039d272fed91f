package org.openmdms.meter.entity;

import jakarta.ejb.ApplicationException;

/**
 * A change the registry refuses because it would break one of its rules (overlapping
 * installations, a gas meter on an electric usage point, a duplicate serial number).
 * The message is written for the person who asked for the change.
 */
@ApplicationException(rollback = true)
public class RegistryRuleViolation extends RuntimeException {

    public RegistryRuleViolation(String message) {
        super(message);
    }
}
