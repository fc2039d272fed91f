package org.openmdms.web;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmdms.admin.boundary.UserDirectoryException;
import org.openmdms.meter.boundary.RegistryNotFound;
import org.openmdms.meter.entity.RegistryRuleViolation;

/** Turns what the boundaries throw into HTTP statuses with a JSON body that says why. */
@Provider
public class ApiErrors implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());

    @Override
    public Response toResponse(Exception exception) {
        Throwable e = unwrap(exception);
        if (e instanceof WebApplicationException web) {
            Response r = web.getResponse();
            return r.hasEntity() ? r : json(r.getStatus(), e.getMessage(), List.of());
        }
        if (e instanceof RegistryNotFound) {
            return json(404, e.getMessage(), List.of());
        }
        if (e instanceof RegistryRuleViolation || e instanceof OptimisticLockException) {
            return json(409, e instanceof OptimisticLockException
                    ? "Changed by someone else in the meantime; reload and try again" : e.getMessage(), List.of());
        }
        if (e instanceof org.openmdms.export.boundary.ExportTargetUnusable) {
            return json(409, e.getMessage(), List.of());
        }
        if (e instanceof jakarta.ws.rs.ProcessingException || e instanceof jakarta.json.bind.JsonbException) {
            return json(400, "The request body is not valid JSON for this endpoint: " + e.getMessage(), List.of());
        }
        if (e instanceof UserDirectoryException || e instanceof IllegalArgumentException) {
            return json(400, e.getMessage(), List.of());
        }
        if (e instanceof ConstraintViolationException violations) {
            List<ApiError.FieldError> fields = violations.getConstraintViolations().stream()
                    .map(v -> new ApiError.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                    .sorted(java.util.Comparator.comparing(ApiError.FieldError::field))
                    .toList();
            return json(400, "The request is not valid", fields);
        }
        if (e instanceof EJBAccessException || e instanceof SecurityException) {
            return json(403, "Your role does not allow this", List.of());
        }
        LOG.log(Level.SEVERE, "Unexpected error in the API", exception);
        return json(500, "Internal error; the server log has the details", List.of());
    }

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof EJBException && !(current instanceof EJBAccessException))
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static Response json(int status, String message, List<ApiError.FieldError> violations) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(status, Response.Status.fromStatusCode(status) == null ? String.valueOf(status)
                        : Response.Status.fromStatusCode(status).getReasonPhrase(), message, violations))
                .build();
    }
}
