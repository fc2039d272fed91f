package org.openmdms.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API under /mdms/api, described in docs/api/openapi.yaml. BASIC authentication, JSON. */
@ApplicationPath("api")
public class RestApplication extends Application {
}
