package org.openmdms.billing.control;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The part [start, end) of a billing period during which one account held the usage point: the whole
 * period, or a part of it split at a move-out / move-in. Determinants are calculated per account
 * period. An interval belongs to it when the interval starts in it.
 */
public record AccountPeriod(BillingPeriod billingPeriod, String accountId, Instant start, Instant end) {

    public AccountPeriod {
        if (billingPeriod == null || start == null || end == null) {
            throw new IllegalArgumentException("an account period needs its billing period, a start and an end");
        }
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("an account period needs an account");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("an account period ends after it starts: " + start + " to " + end);
        }
        if (start.isBefore(billingPeriod.startInstant()) || end.isAfter(billingPeriod.endInstant())) {
            throw new IllegalArgumentException("account period " + start + " to " + end
                    + " lies outside billing period " + billingPeriod.start() + " to " + billingPeriod.end());
        }
    }

    public ZoneId zone() {
        return billingPeriod.zone();
    }

    /** Whether an interval starting at this instant belongs to this period. */
    public boolean contains(Instant intervalStart) {
        return !intervalStart.isBefore(start) && intervalStart.isBefore(end);
    }

    /**
     * How many intervals of this length start in the period, on the local clock grid (:00, :15, …): from
     * the real elapsed time, so 92 or 100 quarter-hours on a DST day, never 96 assumed.
     */
    public int expectedIntervals(int intervalMinutes) {
        Instant first = LocalClock.ceil(start, zone(), intervalMinutes);
        if (!first.isBefore(end)) {
            return 0;
        }
        long seconds = Duration.between(first, end).getSeconds();
        long step = intervalMinutes * 60L;
        return (int) ((seconds + step - 1) / step);
    }
}
