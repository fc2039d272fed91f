package org.openmdms.vee.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.openmdms.config.Settings;
import org.openmdms.vee.control.GapFiller;
import org.openmdms.vee.control.HolidayCalendar;
import org.openmdms.vee.control.estimation.EstimationChain;
import org.openmdms.vee.control.estimation.HolidayCalendars;

/** The estimation chain and the holiday calendar VEE uses (calendar: {@code mdms.holidays}, default England and Wales). */
@ApplicationScoped
public class VeeSetup {

    private final EstimationChain chain = new EstimationChain();

    @Produces
    GapFiller gapFiller() {
        return chain::estimate;
    }

    @Produces
    HolidayCalendar holidays() {
        return HolidayCalendars.byId(Settings.holidayCalendar());
    }
}
