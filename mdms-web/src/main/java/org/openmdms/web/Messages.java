package org.openmdms.web;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;

/** Page messages: the reason a boundary gave, in words, next to the form. */
public final class Messages {

    private Messages() {
    }

    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    public static void error(String text) {
        error(null, text);
    }

    /** An error next to the field with this client id (null: for the page). */
    public static void error(String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** Shows why a boundary refused a change; unexpected failures are rethrown to the error page. */
    public static void refused(RuntimeException e) {
        refused(null, e);
    }

    /** Shows why a boundary refused a field's value next to the field (its client id, e.g. "form:cron"). */
    public static void refused(String clientId, RuntimeException e) {
        Throwable cause = e;
        while (cause instanceof EJBException && !(cause instanceof EJBAccessException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ConstraintViolationException violations) {
            error(clientId, violations.getConstraintViolations().stream()
                    .map(v -> v.getMessage()).sorted().collect(Collectors.joining("; ")));
        } else if (cause instanceof EJBAccessException) {
            error(clientId, "Your role does not allow this change");
        } else if (cause instanceof RuntimeException runtime && isDomainRefusal(runtime)) {
            error(clientId, runtime.getMessage());
        } else {
            throw e;
        }
    }

    private static boolean isDomainRefusal(RuntimeException e) {
        return e instanceof org.openmdms.meter.entity.RegistryRuleViolation
                || e instanceof org.openmdms.meter.boundary.RegistryNotFound
                || e instanceof org.openmdms.admin.boundary.UserDirectoryException
                || e instanceof IllegalArgumentException;
    }
}
