package org.openmdms.billing.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * From this instant on, the usage point belongs to this account (a move-in, or the move-out that hands
 * it to a vacancy or landlord account).
 */
public record AccountChange(Instant at, String accountId) {

    public AccountChange {
        if (at == null || accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("an account change needs an instant and an account");
        }
    }

    /** A change at the start of a local day in the usage point's zone. */
    public static AccountChange onDate(LocalDate date, ZoneId zone, String accountId) {
        return new AccountChange(date.atStartOfDay(zone).toInstant(), accountId);
    }
}
