package org.openmdms.web.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.openmdms.admin.boundary.UserData;
import org.openmdms.admin.boundary.UserDirectory;
import org.openmdms.admin.boundary.UserView;

/** Users and their roles (admin only, checked by the boundary). Passwords go in, never come out. */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    /** Body of a user creation. */
    public record NewUser(String username, String password, String fullName, String email, Set<String> roles) {
    }

    /** Body of a password reset. */
    public record Password(String password) {
    }

    /** Body of enable / disable. */
    public record Enabled(boolean enabled) {
    }

    @Inject
    UserDirectory directory;

    @GET
    public List<UserView> all() {
        return directory.all();
    }

    @GET
    @Path("{username}")
    public UserView user(@PathParam("username") String username) {
        return directory.user(username);
    }

    @POST
    public Response create(NewUser user, @Context UriInfo uri) {
        if (user == null) {
            throw new IllegalArgumentException("A user is required");
        }
        UserView created = directory.create(user.username(), user.password(),
                new UserData(user.fullName(), user.email(), user.roles()));
        return Response.created(uri.getAbsolutePathBuilder().path(created.username()).build()).entity(created).build();
    }

    @PUT
    @Path("{username}")
    public UserView update(@PathParam("username") String username, UserData data) {
        return directory.update(username, data);
    }

    @POST
    @Path("{username}/password")
    public UserView resetPassword(@PathParam("username") String username, Password password) {
        return directory.resetPassword(username, password == null ? null : password.password());
    }

    @POST
    @Path("{username}/enabled")
    public UserView setEnabled(@PathParam("username") String username, Enabled enabled) {
        return directory.setEnabled(username, enabled != null && enabled.enabled());
    }
}
