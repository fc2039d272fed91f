package org.openmdms.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.openmdms.admin.boundary.UserData;
import org.openmdms.admin.boundary.UserDirectory;
import org.openmdms.admin.boundary.UserView;
import org.openmdms.admin.entity.Role;
import org.openmdms.web.Messages;

/**
 * admin/users.xhtml: who may sign in and with which roles. Administrators create users, change
 * their names, e-mail addresses and roles, reset passwords and enable or disable accounts.
 */
@Named
@ViewScoped
public class UserAdmin implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final int MIN_PASSWORD = 8;

    @Inject
    UserDirectory directory;

    private List<UserView> users;

    @NotBlank(message = "Username is required")
    @Size(max = 64, message = "Username has at most 64 characters")
    private String newUsername;
    @Size(max = 128, message = "Name has at most 128 characters")
    private String newFullName;
    @Email(message = "Not an e-mail address")
    @Size(max = 128, message = "E-mail has at most 128 characters")
    private String newEmail;
    @NotBlank(message = "Password is required")
    @Size(min = MIN_PASSWORD, message = "Passwords need at least " + MIN_PASSWORD + " characters")
    private String newPassword;
    @NotEmpty(message = "At least one role is required")
    private List<String> newRoles = new ArrayList<>(List.of(Role.ANALYST));

    private String editUsername;
    @Size(max = 128, message = "Name has at most 128 characters")
    private String editFullName;
    @Email(message = "Not an e-mail address")
    @Size(max = 128, message = "E-mail has at most 128 characters")
    private String editEmail;
    @NotEmpty(message = "At least one role is required")
    private List<String> editRoles = new ArrayList<>();

    private String resetUsername;
    @NotBlank(message = "Password is required")
    @Size(min = MIN_PASSWORD, message = "Passwords need at least " + MIN_PASSWORD + " characters")
    private String resetPassword;

    public void load() {
        users = directory.all();
    }

    public void create() {
        try {
            directory.create(newUsername, newPassword, new UserData(newFullName, newEmail, new LinkedHashSet<>(newRoles)));
            Messages.info("User " + newUsername + " created");
            newUsername = null;
            newFullName = null;
            newEmail = null;
            newPassword = null;
            newRoles = new ArrayList<>(List.of(Role.ANALYST));
            load();
        } catch (RuntimeException e) {
            newPassword = null;
            Messages.refused(e);
        }
    }

    /** Fills the edit dialog with a user's name, e-mail and roles. */
    public void startEdit(UserView user) {
        editUsername = user.username();
        editFullName = user.fullName();
        editEmail = user.email();
        editRoles = new ArrayList<>(user.roles());
    }

    public void saveEdit() {
        try {
            directory.update(editUsername, new UserData(editFullName, editEmail, new LinkedHashSet<>(editRoles)));
            Messages.info("User " + editUsername + " updated");
            load();
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public void startReset(UserView user) {
        resetUsername = user.username();
        resetPassword = null;
    }

    public void saveReset() {
        try {
            directory.resetPassword(resetUsername, resetPassword);
            Messages.info("Password of " + resetUsername + " reset");
            load();
        } catch (RuntimeException e) {
            Messages.refused(e);
        } finally {
            resetPassword = null;
        }
    }

    public void toggleEnabled(UserView user) {
        try {
            directory.setEnabled(user.username(), !user.enabled());
            Messages.info("User " + user.username() + (user.enabled() ? " disabled" : " enabled"));
            load();
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    public List<String> getRoles() {
        return List.of(Role.ANALYST, Role.ADMIN, Role.AUDITOR);
    }

    public List<UserView> getUsers() {
        return users;
    }

    public String getNewUsername() {
        return newUsername;
    }

    public void setNewUsername(String newUsername) {
        this.newUsername = newUsername;
    }

    public String getNewFullName() {
        return newFullName;
    }

    public void setNewFullName(String newFullName) {
        this.newFullName = newFullName;
    }

    public String getNewEmail() {
        return newEmail;
    }

    public void setNewEmail(String newEmail) {
        this.newEmail = newEmail;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public List<String> getNewRoles() {
        return newRoles;
    }

    public void setNewRoles(List<String> newRoles) {
        this.newRoles = newRoles;
    }

    public String getEditUsername() {
        return editUsername;
    }

    public String getEditFullName() {
        return editFullName;
    }

    public void setEditFullName(String editFullName) {
        this.editFullName = editFullName;
    }

    public String getEditEmail() {
        return editEmail;
    }

    public void setEditEmail(String editEmail) {
        this.editEmail = editEmail;
    }

    public List<String> getEditRoles() {
        return editRoles;
    }

    public void setEditRoles(List<String> editRoles) {
        this.editRoles = editRoles;
    }

    public String getResetUsername() {
        return resetUsername;
    }

    public String getResetPassword() {
        return resetPassword;
    }

    public void setResetPassword(String resetPassword) {
        this.resetPassword = resetPassword;
    }
}
