package org.openmdms.meter.boundary;

import java.time.Instant;
import org.openmdms.billing.store.AccountHistoryStore;
import org.openmdms.meter.entity.UsagePoint;

/**
 * A usage point's account changed in a registry update (a move-out / move-in the CIS sent): the new
 * account holds it from the time of the change, so that billing splits the period there. The first
 * change also records the account before it, as holding the usage point since before any read.
 */
final class AccountMoves {

    private AccountMoves() {
    }

    static void record(AccountHistoryStore history, UsagePoint up, String before, Instant at) {
        String after = up.accountId();
        if (after == null || after.equals(before) || up.id() == null) {
            return;
        }
        if (before != null && history.changes(up.id()).isEmpty()) {
            history.record(up.id(), Instant.EPOCH, before);
        }
        history.record(up.id(), at, after);
    }
}
