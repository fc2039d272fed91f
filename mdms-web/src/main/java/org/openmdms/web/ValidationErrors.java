package org.openmdms.web;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean Validation failures of the boundaries, in the API's own error format. RESTEasy unwraps the
 * EJBException and would otherwise pick its built-in report for ValidationException.
 */
@Provider
public class ValidationErrors implements ExceptionMapper<ConstraintViolationException> {

    private final ApiErrors errors = new ApiErrors();

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        return errors.toResponse(exception);
    }
}
