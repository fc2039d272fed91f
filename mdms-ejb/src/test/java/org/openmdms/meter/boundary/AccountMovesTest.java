package org.openmdms.meter.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmdms.billing.store.AccountHistoryStore;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.CustomerClass;
import org.openmdms.meter.entity.UsagePoint;

/** A registry update that changes a usage point's account records the move for billing. */
class AccountMovesTest {

    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");

    /** The account history in memory. */
    static final class History extends AccountHistoryStore {
        final List<AccountFrom> rows = new ArrayList<>();

        History() {
            super(null);
        }

        @Override
        public List<AccountFrom> changes(long usagePointId) {
            return List.copyOf(rows);
        }

        @Override
        public void record(long usagePointId, Instant from, String accountId) {
            rows.add(new AccountFrom(from, accountId));
        }
    }

    private static UsagePoint usagePoint(String account) throws ReflectiveOperationException {
        UsagePoint up = new UsagePoint("UP-1", Commodity.ELECTRIC, CustomerClass.RESIDENTIAL, ZoneId.of("Europe/London"));
        up.describe(CustomerClass.RESIDENTIAL, ZoneId.of("Europe/London"), account, null, null, null, null, null);
        Field id = UsagePoint.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(up, 7L);
        return up;
    }

    @Test
    void theFirstMoveRecordsTheEarlierAccountAsHoldingItSinceEverThenTheNewOne() throws Exception {
        History history = new History();
        AccountMoves.record(history, usagePoint("ACC-2"), "ACC-1", NOW);
        assertEquals(List.of(new AccountHistoryStore.AccountFrom(Instant.EPOCH, "ACC-1"),
                new AccountHistoryStore.AccountFrom(NOW, "ACC-2")), history.rows);
    }

    @Test
    void aLaterMoveAddsOnlyTheNewAccount() throws Exception {
        History history = new History();
        history.rows.add(new AccountHistoryStore.AccountFrom(Instant.EPOCH, "ACC-1"));
        history.rows.add(new AccountHistoryStore.AccountFrom(NOW.minusSeconds(86_400), "ACC-2"));
        AccountMoves.record(history, usagePoint("ACC-3"), "ACC-2", NOW);
        assertEquals(3, history.rows.size());
        assertEquals(new AccountHistoryStore.AccountFrom(NOW, "ACC-3"), history.rows.get(2));
    }

    @Test
    void anUnchangedOrClearedAccountRecordsNothing() throws Exception {
        History history = new History();
        AccountMoves.record(history, usagePoint("ACC-1"), "ACC-1", NOW);
        AccountMoves.record(history, usagePoint(null), "ACC-1", NOW);
        assertEquals(List.of(), history.rows);
    }
}
