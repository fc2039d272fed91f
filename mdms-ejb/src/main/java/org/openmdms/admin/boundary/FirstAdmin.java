package org.openmdms.admin.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.logging.Logger;
import org.openmdms.admin.control.PasswordHash;
import org.openmdms.admin.entity.AppUser;
import org.openmdms.admin.entity.Role;
import org.openmdms.admin.store.UserStore;
import org.openmdms.config.Settings;

/**
 * A new installation has no users, and only an administrator can create users: when the user table
 * is empty and a bootstrap password is configured, the first administrator "admin" is created.
 */
@Singleton
@Startup
public class FirstAdmin {

    public static final String USERNAME = "admin";
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @Inject
    UserStore users;

    @Inject
    AuditTrail audit;

    @PostConstruct
    void createIfNoUsers() {
        if (users.count() > 0) {
            return;
        }
        Settings.bootstrapAdminPassword().ifPresentOrElse(password -> {
            AppUser admin = new AppUser(USERNAME, PasswordHash.of(password), EnumSet.of(Role.admin));
            admin.describe("First administrator", null);
            users.add(admin);
            audit.record("CREATE", UserDirectory.SUBJECT, USERNAME, null, admin.auditState());
            LOG.info("Created the first administrator 'admin' from mdms.bootstrap.admin.password");
        }, () -> {
            if (!Settings.demo()) {
                LOG.warning("No users yet: set mdms.bootstrap.admin.password (or MDMS_BOOTSTRAP_ADMIN_PASSWORD)"
                        + " to create the first administrator");
            }
        });
    }
}
