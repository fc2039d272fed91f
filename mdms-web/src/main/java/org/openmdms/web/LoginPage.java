package org.openmdms.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The sign-in page. Pages and API share one web module, so a REST call without credentials is
 * forwarded here by the FORM mechanism like a browser would be; it gets a 401 with a BASIC challenge
 * and a JSON body instead of a login page.
 */
@Named
@RequestScoped
public class LoginPage {

    public void rejectApiCalls() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        Object forwardedFrom = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        if (forwardedFrom == null || !forwardedFrom.toString().startsWith(request.getContextPath() + "/api/")) {
            return;
        }
        HttpServletResponse response = (HttpServletResponse) faces.getExternalContext().getResponse();
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"MDMS\"");
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"status\":401,\"error\":\"Unauthorized\","
                + "\"message\":\"Send the user name and password with HTTP BASIC authentication\",\"violations\":[]}");
        faces.responseComplete();
    }
}
