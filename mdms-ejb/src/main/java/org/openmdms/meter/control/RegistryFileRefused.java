package org.openmdms.meter.control;

import jakarta.ejb.ApplicationException;

/** A registry file that cannot be read at all (empty, or a bad header row): nothing of it is imported. */
@ApplicationException(rollback = true)
public class RegistryFileRefused extends IllegalArgumentException {

    public RegistryFileRefused(String message) {
        super(message);
    }
}
