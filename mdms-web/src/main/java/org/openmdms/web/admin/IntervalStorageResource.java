package org.openmdms.web.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.openmdms.reading.boundary.IntervalStorage;
import org.openmdms.reading.boundary.IntervalStorageView;
import org.openmdms.reading.store.RetentionResult;

/**
 * Interval storage (admin only, checked by the boundary): the months stored with row estimates, the
 * retention policy and next cutoff; and applying retention now.
 */
@Path("admin/interval-storage")
@Produces(MediaType.APPLICATION_JSON)
public class IntervalStorageResource {

    @Inject
    IntervalStorage storage;

    @GET
    public IntervalStorageView overview() {
        return storage.overview();
    }

    /** Applies the configured retention now; 400 when retention is off (the default). */
    @POST
    @Path("retention")
    public RetentionResult applyRetention() {
        return storage.applyRetention();
    }
}
