package org.openmdms.admin.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A person who signs in. The WildFly security realm reads the hash and roles straight from these
 * tables; users are disabled, never deleted, so the audit trail always names a known actor.
 */
@Entity
@Table(name = "app_user")
public class AppUser {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");

    @Id
    @Column(length = 64)
    private String username;

    @Column(name = "full_name", length = 128)
    private String fullName;

    @Column(length = 128)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "username"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role_name", nullable = false, length = 16)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected AppUser() {
    }

    public AppUser(String username, String passwordHash, Set<Role> roles) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("Username must be 2 to 64 lower-case letters, digits, '.', '_' or '-',"
                    + " starting with a letter");
        }
        this.username = username;
        this.createdAt = Instant.now();
        changePasswordHash(passwordHash);
        assignRoles(roles);
    }

    public void changePasswordHash(String passwordHash) {
        this.passwordHash = Objects.requireNonNull(passwordHash, "password hash");
        this.passwordChangedAt = Instant.now();
    }

    public void assignRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("A user needs at least one role");
        }
        this.roles.clear();
        this.roles.addAll(roles);
    }

    public void describe(String fullName, String email) {
        this.fullName = fullName == null || fullName.isBlank() ? null : fullName.strip();
        this.email = email == null || email.isBlank() ? null : email.strip();
    }

    public void enable() {
        enabled = true;
    }

    public void disable() {
        enabled = false;
    }

    /** State for the audit trail: never the hash. */
    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("username", username);
        state.put("fullName", fullName);
        state.put("email", email);
        state.put("enabled", enabled);
        state.put("roles", new TreeSet<>(roles.stream().map(Role::name).toList()));
        state.put("passwordChangedAt", passwordChangedAt);
        return state;
    }

    public String username() {
        return username;
    }

    public String fullName() {
        return fullName;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    public Set<Role> roles() {
        return Collections.unmodifiableSet(roles);
    }
}
