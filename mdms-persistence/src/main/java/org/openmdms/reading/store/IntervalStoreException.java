package org.openmdms.reading.store;

import java.sql.SQLException;

/** The database refused an interval store operation; the caller's transaction is to be rolled back. */
public class IntervalStoreException extends RuntimeException {

    public IntervalStoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
