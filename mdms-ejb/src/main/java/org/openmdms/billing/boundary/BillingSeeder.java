package org.openmdms.billing.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;
import org.openmdms.admin.boundary.Caller;
import org.openmdms.billing.entity.Holidays;
import org.openmdms.billing.store.TariffStore;
import org.openmdms.vee.control.HolidayCalendar;
import org.openmdms.vee.control.estimation.HolidayCalendars;

/** At start-up, gives the database the built-in holiday calendars it lacks, for administrators to keep from then on. */
@Singleton
@Startup
public class BillingSeeder {

    private static final Logger LOG = Logger.getLogger(BillingSeeder.class.getName());

    @Inject
    TariffStore store;

    @PostConstruct
    void seed() {
        for (String code : HolidayCalendars.ids()) {
            if (HolidayCalendars.NONE.equals(code) || store.holidays(code).isPresent()) {
                continue;
            }
            HolidayCalendar builtIn = HolidayCalendars.byId(code);
            store.add(new Holidays(code, name(code), builtIn.holidays(), Caller.SYSTEM, Instant.now()));
            LOG.info(() -> "Holiday calendar " + code + " created from the built-in one (" + builtIn.holidays().size()
                    + " days)");
        }
    }

    private static String name(String code) {
        return HolidayCalendars.ENGLAND_AND_WALES.equals(code) ? "Bank holidays of England and Wales" : code;
    }
}
