package org.openmdms.admin.boundary;

import jakarta.ejb.ApplicationException;

/** A user change the directory refuses (duplicate name, weak password, unknown role). */
@ApplicationException(rollback = true)
public class UserDirectoryException extends RuntimeException {

    public UserDirectoryException(String message) {
        super(message);
    }
}
