package org.openmdms.billing.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openmdms.billing.control.AccountPeriod;
import org.openmdms.billing.control.DeterminantTally;
import org.openmdms.billing.control.Determinants;
import org.openmdms.billing.control.SlotTable;
import org.openmdms.billing.store.PostgresDeterminantSums;

/**
 * The bulk path of a billing run on PostgreSQL: for the usage points of a batch that share a tariff,
 * zone and interval length and are held by one account for the whole period, the reads are summed in
 * the database ({@link PostgresDeterminantSums}, one grouped query over the period's
 * {@link SlotTable}) and the sums turned into the same {@link Determinants} the Java calculator gives
 * ({@link DeterminantTally}). A usage point whose reads the database cannot place (a read off the
 * interval grid, a window of 10 GWh) is left out, for the caller to calculate in Java, which refuses
 * or handles it as it always did.
 */
final class DatabaseDeterminants {

    /** A usage point of the group: its id, the account period, and its delivered and (or null) received channel. */
    record Member(long usagePointId, AccountPeriod part, long delivered, Long received) {
    }

    private DatabaseDeterminants() {
    }

    /** The determinants of the members the database could sum, by usage point id; one query. */
    static Map<Long, Determinants> calculate(PostgresDeterminantSums store, SlotTable table, List<Member> members) {
        Map<Long, Determinants> result = new HashMap<>();
        if (members.isEmpty() || table.size() == 0) {
            return result;
        }
        int n = table.size();
        Instant[] ends = new Instant[n];
        int[] periods = new int[n];
        boolean[] cpp = new boolean[n];
        int[] windows = new int[n];
        for (int i = 0; i < n; i++) {
            ends[i] = table.end(i);
            periods[i] = table.period(i);
            cpp[i] = table.cpp(i);
            windows[i] = table.window(i);
        }
        List<Long> channels = new ArrayList<>();
        for (Member m : members) {
            channels.add(m.delivered());
            if (m.received() != null) {
                channels.add(m.received());
            }
        }
        Instant from = table.end(0).minus(Duration.ofMinutes(table.intervalMinutes()));
        Map<Long, List<PostgresDeterminantSums.Sum>> byChannel = new HashMap<>();
        for (PostgresDeterminantSums.Sum sum : store.sums(channels, from, table.end(n - 1),
                new PostgresDeterminantSums.Slots(ends, periods, cpp, windows, table.intervalsPerWindow()))) {
            byChannel.computeIfAbsent(sum.channelId(), k -> new ArrayList<>()).add(sum);
        }
        for (Member m : members) {
            List<PostgresDeterminantSums.Sum> delivered = byChannel.getOrDefault(m.delivered(), List.of());
            List<PostgresDeterminantSums.Sum> received = m.received() == null ? List.of()
                    : byChannel.getOrDefault(m.received(), List.of());
            if (!placed(delivered) || !placed(received)) {
                continue;
            }
            DeterminantTally tally = new DeterminantTally(table, m.part(), m.received() != null);
            for (PostgresDeterminantSums.Sum s : delivered) {
                tally.delivered(s.period(), s.kwh(), s.count(), s.estimated(), s.edited(), s.cppKwh(), s.peakKwh(),
                        s.peakWindow());
            }
            for (PostgresDeterminantSums.Sum s : received) {
                tally.received(s.period(), s.kwh(), s.count(), s.estimated(), s.edited());
            }
            result.put(m.usagePointId(), tally.finish());
        }
        return result;
    }

    /** Every read on a slot, every complete window small enough to rank. */
    private static boolean placed(List<PostgresDeterminantSums.Sum> sums) {
        for (PostgresDeterminantSums.Sum s : sums) {
            if (s.period() == null || s.offGrid() > 0 || s.oversized() > 0) {
                return false;
            }
        }
        return true;
    }
}
