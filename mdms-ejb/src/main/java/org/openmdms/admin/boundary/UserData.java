package org.openmdms.admin.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** What an administrator sets on a user: name, e-mail, roles (analyst, admin, auditor). */
public record UserData(@Size(max = 128) String fullName, @Email @Size(max = 128) String email,
        @NotEmpty(message = "at least one role is required") Set<String> roles) {
}
