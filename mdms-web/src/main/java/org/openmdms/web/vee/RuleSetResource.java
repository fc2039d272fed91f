package org.openmdms.web.vee;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.openmdms.vee.boundary.RuleSetView;
import org.openmdms.vee.boundary.RuleSets;

/** VEE rule sets: read by every role, changed by administrators one rule at a time. */
@Path("vee/rule-sets")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetResource {

    @Inject
    RuleSets ruleSets;

    /** A rule's setting in a set: enabled, parameter values (absent or blank: default), the set's version. */
    public record RuleChange(boolean enabled, Map<String, String> parameters, long version) {
    }

    @GET
    public List<RuleSetView> all() {
        return ruleSets.all();
    }

    @GET
    @Path("{name}")
    public RuleSetView one(@PathParam("name") String name) {
        return ruleSets.byName(name);
    }

    @PUT
    @Path("{name}/rules/{ruleId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public RuleSetView change(@PathParam("name") String name, @PathParam("ruleId") String ruleId, RuleChange change) {
        if (change == null) {
            throw new IllegalArgumentException("Send {\"enabled\": true, \"parameters\": {...}, \"version\": n}");
        }
        return ruleSets.change(name, change.version(), ruleId, change.enabled(), change.parameters());
    }
}
