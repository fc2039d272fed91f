package org.openmdms.admin.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openmdms.admin.control.PasswordHash;
import org.openmdms.admin.entity.AppUser;
import org.openmdms.admin.entity.Role;
import org.openmdms.admin.store.UserStore;

/** Administrators manage who may sign in and with which roles. Every change is audited. */
@Stateless
@RolesAllowed(Role.ADMIN)
public class UserDirectory {

    static final String SUBJECT = "USER";

    @Inject
    UserStore users;

    @Inject
    AuditTrail audit;

    public List<UserView> all() {
        return users.all().stream().map(UserView::of).toList();
    }

    public UserView user(String username) {
        return UserView.of(existing(username));
    }

    public UserView create(String username, String password, @Valid UserData data) {
        if (users.find(username).isPresent()) {
            throw new UserDirectoryException("User " + username + " already exists");
        }
        AppUser user;
        try {
            user = new AppUser(username, PasswordHash.of(checkedPassword(password)), roles(data.roles()));
        } catch (IllegalArgumentException e) {
            throw new UserDirectoryException(e.getMessage());
        }
        user.describe(data.fullName(), data.email());
        users.add(user);
        audit.record("CREATE", SUBJECT, username, null, user.auditState());
        return UserView.of(user);
    }

    public UserView update(String username, @Valid UserData data) {
        AppUser user = existing(username);
        Map<String, Object> before = user.auditState();
        user.describe(data.fullName(), data.email());
        try {
            user.assignRoles(roles(data.roles()));
        } catch (IllegalArgumentException e) {
            throw new UserDirectoryException(e.getMessage());
        }
        if (!before.equals(user.auditState())) {
            audit.record("UPDATE", SUBJECT, username, before, user.auditState());
        }
        return UserView.of(user);
    }

    public UserView resetPassword(String username, String newPassword) {
        AppUser user = existing(username);
        Map<String, Object> before = user.auditState();
        user.changePasswordHash(PasswordHash.of(checkedPassword(newPassword)));
        audit.record("RESET_PASSWORD", SUBJECT, username, before, user.auditState());
        return UserView.of(user);
    }

    public UserView setEnabled(String username, boolean enabled) {
        AppUser user = existing(username);
        Map<String, Object> before = user.auditState();
        if (enabled) {
            user.enable();
        } else {
            user.disable();
        }
        audit.record(enabled ? "ENABLE" : "DISABLE", SUBJECT, username, before, user.auditState());
        return UserView.of(user);
    }

    private AppUser existing(String username) {
        return users.find(username).orElseThrow(() -> new UserDirectoryException("No user " + username));
    }

    private static String checkedPassword(String password) {
        if (password == null || password.length() < PasswordHash.MIN_LENGTH) {
            throw new UserDirectoryException("Passwords need at least " + PasswordHash.MIN_LENGTH + " characters");
        }
        return password;
    }

    private static Set<Role> roles(Set<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names == null ? Set.<String>of() : names) {
            try {
                roles.add(Role.valueOf(name.strip().toLowerCase()));
            } catch (IllegalArgumentException e) {
                throw new UserDirectoryException("Unknown role '" + name + "': use analyst, admin or auditor");
            }
        }
        return roles;
    }
}
