package org.openmdms.web;

import java.util.List;

/** The body of every error response of the API. */
public record ApiError(int status, String error, String message, List<FieldError> violations) {

    public record FieldError(String field, String message) {
    }
}
