package org.openmdms.admin.entity;

/**
 * The three roles of the MDMS. The names are the role names the security realm hands to the
 * container, so {@code @RolesAllowed} and web.xml use them as they are.
 */
public enum Role {
    analyst, admin, auditor;

    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";
    public static final String AUDITOR = "auditor";
}
