package org.openmdms.reading.store;

import java.sql.SQLException;

/** The database refused a reading store operation; the caller's transaction is to be rolled back. */
public class ReadingStoreException extends RuntimeException {

    public ReadingStoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
