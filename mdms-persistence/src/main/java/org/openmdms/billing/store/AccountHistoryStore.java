package org.openmdms.billing.store;

import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.openmdms.reading.store.JdbcStore;

/** Move-ins and move-outs: from an instant on, an account holds a usage point ({@code usage_point_account}). */
public class AccountHistoryStore extends JdbcStore {

    /** From {@code from} on, {@code accountId} holds the usage point. */
    public record AccountFrom(Instant from, String accountId) {
    }

    public AccountHistoryStore(DataSource dataSource) {
        super(dataSource);
    }

    /** The usage point's account changes, in time order. */
    public List<AccountFrom> changes(long usagePointId) {
        return query("SELECT valid_from, account_id FROM usage_point_account WHERE usage_point_id = ? ORDER BY valid_from",
                s -> s.setLong(1, usagePointId), r -> new AccountFrom(instant(r, 1), r.getString(2)));
    }

    /** The account changes of several usage points, by usage point, in time order (one query per 500). */
    public java.util.Map<Long, List<AccountFrom>> changes(java.util.Collection<Long> usagePointIds) {
        java.util.Map<Long, List<AccountFrom>> byUsagePoint = new java.util.HashMap<>();
        for (List<Long> part : inLists(usagePointIds)) {
            query("SELECT usage_point_id, valid_from, account_id FROM usage_point_account WHERE usage_point_id IN ("
                    + marks(part.size()) + ") ORDER BY usage_point_id, valid_from", s -> bindIds(s, 1, part), r -> byUsagePoint.computeIfAbsent(r.getLong(1), k -> new java.util.ArrayList<>())
                            .add(new AccountFrom(instant(r, 2), r.getString(3))));
        }
        return byUsagePoint;
    }

    /** Records that from {@code from} on the account holds the usage point (replacing a change at the same instant). */
    public void record(long usagePointId, Instant from, String accountId) {
        inTransaction(c -> {
            update(c, "DELETE FROM usage_point_account WHERE usage_point_id = ? AND valid_from = ?", usagePointId,
                    utc(from));
            update(c, "INSERT INTO usage_point_account (usage_point_id, valid_from, account_id) VALUES (?, ?, ?)",
                    usagePointId, utc(from), accountId);
            return null;
        });
    }
}
