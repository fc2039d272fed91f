package org.openmdms.web.outage;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Duration;
import org.openmdms.outage.boundary.Outages;
import org.openmdms.outage.control.OutagePolicy;
import org.openmdms.outage.store.OutageRows;

/** What opens an outage (read: every role; change: admin, audited). */
@Path("outage-policy")
@Produces(MediaType.APPLICATION_JSON)
public class OutagePolicyResource {

    @Inject
    Outages outages;

    /** The policy as sent; every field is required but the webhook URL. */
    public record Change(BigDecimal transformerShare, Integer transformerMinMeters, BigDecimal feederShare,
            Integer feederMinMeters, Integer windowSeconds, Integer momentarySeconds, String webhookUrl) {
    }

    @GET
    public OutageRows.Policy policy() {
        return outages.policy();
    }

    /** Replaces the policy; 400 with the reason when a value is missing or out of range. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public OutageRows.Policy change(Change change) {
        if (change == null || change.transformerShare() == null || change.transformerMinMeters() == null
                || change.feederShare() == null || change.feederMinMeters() == null || change.windowSeconds() == null
                || change.momentarySeconds() == null) {
            throw new IllegalArgumentException("Send transformerShare, transformerMinMeters, feederShare,"
                    + " feederMinMeters, windowSeconds, momentarySeconds and (optionally) webhookUrl");
        }
        return outages.updatePolicy(new OutagePolicy(change.transformerShare(), change.transformerMinMeters(),
                change.feederShare(), change.feederMinMeters(), Duration.ofSeconds(change.windowSeconds()),
                Duration.ofSeconds(change.momentarySeconds()), change.webhookUrl()));
    }
}
