package org.openmdms.admin.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.openmdms.admin.entity.AppUser;
import org.openmdms.admin.entity.Role;

/** A user as the users page and API show it: never the password hash. */
public record UserView(String username, String fullName, String email, boolean enabled, Set<String> roles,
        Instant createdAt, Instant passwordChangedAt) implements Serializable {

    static UserView of(AppUser u) {
        return new UserView(u.username(), u.fullName(), u.email(), u.enabled(),
                new TreeSet<>(u.roles().stream().map(Role::name).toList()), u.createdAt(), u.passwordChangedAt());
    }
}
