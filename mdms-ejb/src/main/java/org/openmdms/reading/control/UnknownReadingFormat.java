package org.openmdms.reading.control;

import jakarta.ejb.ApplicationException;

/** An import asked for a format the MDMS does not read: nothing is imported. */
@ApplicationException(rollback = true)
public class UnknownReadingFormat extends IllegalArgumentException {

    public UnknownReadingFormat(String message) {
        super(message);
    }
}
