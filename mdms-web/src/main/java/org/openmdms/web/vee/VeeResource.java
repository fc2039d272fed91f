package org.openmdms.web.vee;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openmdms.paging.PageRequest;
import org.openmdms.vee.boundary.ExceptionView;
import org.openmdms.vee.boundary.QueueAction;
import org.openmdms.vee.boundary.WorkQueue;
import org.openmdms.vee.store.RuleCount;
import org.openmdms.web.ListParams;
import org.openmdms.web.PageJson;

/** The VEE exception work queue over REST: list, counts per rule, acknowledge, assign, resolve, bulk. */
@Path("vee/exceptions")
@Produces(MediaType.APPLICATION_JSON)
public class VeeResource {

    @Inject
    WorkQueue queue;

    /** What an analyst sends to change exceptions: the ids (empty: all the filter selects), assignee, note, version. */
    public record ActionRequest(List<Long> ids, String assignee, String note, Long version) {
    }

    @GET
    public PageJson<ExceptionView> exceptions(@BeanParam ExceptionFilter filter, @BeanParam ListParams list) {
        PageRequest page = list.page();
        return PageJson.of(queue.search(filter.query(), page), page);
    }

    @GET
    @Path("summary")
    public List<RuleCount> summary(@BeanParam ExceptionFilter filter) {
        return queue.counts(filter.query());
    }

    /** acknowledge, assign or resolve one exception. */
    @POST
    @Path("{id}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> act(@PathParam("id") long id, @PathParam("action") String action, ActionRequest request) {
        ActionRequest body = request == null ? new ActionRequest(null, null, null, null) : request;
        queue.apply(id, body.version(), new QueueAction(kind(action), body.assignee(), body.note()));
        return Map.of("changed", 1);
    }

    /** The action on the listed exceptions, or on all the filter selects when no ids are given. */
    @POST
    @Path("bulk/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> bulk(@PathParam("action") String action, @BeanParam ExceptionFilter filter,
            ActionRequest request) {
        ActionRequest body = request == null ? new ActionRequest(null, null, null, null) : request;
        int changed = queue.applyToAll(body.ids(), filter.query(), new QueueAction(kind(action), body.assignee(),
                body.note()));
        return Map.of("changed", changed);
    }

    private static QueueAction.Kind kind(String action) {
        try {
            return QueueAction.Kind.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.NotFoundException("No action " + action + ": acknowledge, assign or resolve");
        }
    }
}
