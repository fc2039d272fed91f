package org.openmdms.admin.boundary;

import jakarta.ejb.EJBContext;

/** The name to record for whoever called a boundary: a user, or "system" for the server's own work. */
public final class Caller {

    public static final String SYSTEM = "system";

    private Caller() {
    }

    public static String name(EJBContext context) {
        String name = context.getCallerPrincipal() == null ? null : context.getCallerPrincipal().getName();
        return name == null || name.isBlank() || "anonymous".equals(name) ? SYSTEM : name;
    }
}
