package org.openmdms.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The application exactly as it ships: the EAR this module just built. */
final class Deployments {

    static final String BASE_URL = System.getProperty("mdms.it.base.url", "http://127.0.0.1:8180/mdms");
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "it-admin-password";

    private Deployments() {
    }

    static EnterpriseArchive ear() {
        File ear = new File(System.getProperty("mdms.ear", "target/mdms.ear"));
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}
