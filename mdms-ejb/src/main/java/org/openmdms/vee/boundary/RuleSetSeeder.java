package org.openmdms.vee.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** At start-up, gives an empty database the built-in VEE rule sets, so that administrators start from the defaults. */
@Singleton
@Startup
public class RuleSetSeeder {

    private static final Logger LOG = Logger.getLogger(RuleSetSeeder.class.getName());

    @Inject
    RuleSets ruleSets;

    @PostConstruct
    void seed() {
        int created = ruleSets.seedDefaults();
        if (created > 0) {
            LOG.info(() -> "VEE: " + created + " built-in rule sets created (one per commodity and customer class)");
        }
    }
}
