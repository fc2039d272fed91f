package org.openmdms.billing.control;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A billing period of a usage point: the local dates [start, end) in the usage point's zone, from the
 * start of the first day to the start of the end day, whatever the days' lengths. An interval belongs
 * to the billing period in which it starts (DOMAIN.md §4b): the interval ending at 00:00 on the 1st
 * belongs to the month before.
 */
public record BillingPeriod(ZoneId zone, LocalDate start, LocalDate end) {

    public BillingPeriod {
        if (zone == null || start == null || end == null) {
            throw new IllegalArgumentException("a billing period needs a zone, a start and an end date");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a billing period ends after it starts: " + start + " to " + end);
        }
    }

    /** The calendar month of a date, [first day, first day of the next month). */
    public static BillingPeriod month(ZoneId zone, int year, int month) {
        LocalDate first = LocalDate.of(year, month, 1);
        return new BillingPeriod(zone, first, first.plusMonths(1));
    }

    /** The start of the first local day. */
    public Instant startInstant() {
        return start.atStartOfDay(zone).toInstant();
    }

    /** The start of the end day (the first instant after the period). */
    public Instant endInstant() {
        return end.atStartOfDay(zone).toInstant();
    }

    /** The real length: 23 or 25 hours more or less than whole days when a DST change falls inside. */
    public Duration length() {
        return Duration.between(startInstant(), endInstant());
    }

    /** The whole period, held by one account. */
    public AccountPeriod whole(String accountId) {
        return new AccountPeriod(this, accountId, startInstant(), endInstant());
    }

    /**
     * The period split at account changes (move-out / move-in): one part per account that held the usage
     * point, in time order. {@code changes} is the usage point's account history, any order: the account
     * at the start is the latest change at or before it; changes at or after the end are ignored, and a
     * change to the account already holding the point splits nothing.
     */
    public List<AccountPeriod> split(List<AccountChange> changes) {
        List<AccountChange> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing(AccountChange::at));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).at().equals(sorted.get(i - 1).at())) {
                throw new IllegalArgumentException("two account changes at " + sorted.get(i).at());
            }
        }
        Instant periodStart = startInstant();
        Instant periodEnd = endInstant();
        String account = null;
        Instant partStart = periodStart;
        List<AccountPeriod> parts = new ArrayList<>();
        for (AccountChange change : sorted) {
            if (!change.at().isAfter(periodStart)) {
                account = change.accountId();
                continue;
            }
            if (!change.at().isBefore(periodEnd)) {
                break;
            }
            if (account == null) {
                throw new IllegalArgumentException("no account holds the usage point at the start of the period "
                        + start + " (" + periodStart + "); the first change is at " + change.at());
            }
            if (!change.accountId().equals(account)) {
                parts.add(new AccountPeriod(this, account, partStart, change.at()));
                partStart = change.at();
                account = change.accountId();
            }
        }
        if (account == null) {
            throw new IllegalArgumentException("no account holds the usage point in the period " + start + " to "
                    + end);
        }
        parts.add(new AccountPeriod(this, account, partStart, periodEnd));
        return List.copyOf(parts);
    }
}
