package org.openmdms.meter.boundary;

import jakarta.ejb.ApplicationException;

/** The meter or usage point asked for does not exist. */
@ApplicationException(rollback = true)
public class RegistryNotFound extends RuntimeException {

    public RegistryNotFound(String message) {
        super(message);
    }
}
