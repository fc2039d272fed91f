package org.openmdms.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.openmdms.admin.entity.Role;

/** Who is signed in and what their roles let the page show; sign-out. */
@Named
@RequestScoped
public class SignedIn {

    public String getUsername() {
        return external().getRemoteUser();
    }

    public boolean isAdmin() {
        return external().isUserInRole(Role.ADMIN);
    }

    public boolean isAuditor() {
        return external().isUserInRole(Role.AUDITOR);
    }

    public boolean isAnalyst() {
        return external().isUserInRole(Role.ANALYST);
    }

    /** Auditors and admins see the audit trail. */
    public boolean isAuditVisible() {
        return isAuditor() || isAdmin();
    }

    public void logout() throws IOException, ServletException {
        ExternalContext context = external();
        ((HttpServletRequest) context.getRequest()).logout();
        context.invalidateSession();
        context.redirect(context.getRequestContextPath() + "/index.xhtml");
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }
}
