package org.openmdms.billing.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.openmdms.billing.entity.Holidays;
import org.openmdms.billing.store.TariffStore;
import org.openmdms.config.Settings;
import org.openmdms.vee.control.HolidayCalendar;
import org.openmdms.vee.control.estimation.HolidayCalendars;

/**
 * The holiday calendars administrators keep, as the domain uses them: VEE's like days take the
 * calendar named by {@code mdms.holidays}; a tariff takes its own. A calendar not (yet) in the
 * database falls back to the built-in one of the same code.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class HolidayLookup {

    @Inject
    TariffStore store;

    /** The calendar VEE judges like days with. */
    public HolidayCalendar vee() {
        String code = Settings.holidayCalendar();
        return store.holidays(code).map(HolidayLookup::calendar).orElseGet(() -> HolidayCalendars.byId(code));
    }

    /** A stored calendar by id; none when null. */
    public HolidayCalendar byId(Long id) {
        return id == null ? HolidayCalendar.none() : store.holidays(id).map(HolidayLookup::calendar)
                .orElse(HolidayCalendar.none());
    }

    static HolidayCalendar calendar(Holidays holidays) {
        return new HolidayCalendar(holidays.code(), holidays.days());
    }
}
