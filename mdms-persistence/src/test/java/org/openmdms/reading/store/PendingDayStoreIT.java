package org.openmdms.reading.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmdms.TestDatabase;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.ReadingType;
import org.openmdms.meter.entity.RegistryBuilder;
import org.openmdms.meter.entity.Unit;
import org.openmdms.meter.entity.UsagePoint;
import org.openmdms.reading.entity.ReadSource;

/** The VEE queue on a real database (H2, or PostgreSQL with -Dmdms.test.db=postgresql, where it binds arrays). */
class PendingDayStoreIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static TestDatabase db;
    private static DataSource dataSource;

    @BeforeAll
    static void database() {
        db = TestDatabase.create();
        dataSource = db.dataSource();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    /**
     * Days queued twice stay one entry in their first place; the queue lists them with their reads
     * and their totals' last write; a removal spares a day queued after the judgement began.
     */
    @Test
    void queuesListsAndRemovesChannelDays() {
        long channel = db.inTransaction(em -> {
            UsagePoint up = RegistryBuilder.residential("UP-PENDING-1");
            var c = up.addChannel(ReadingType.interval(Unit.KWH, 30, FlowDirection.DELIVERED), BigDecimal.ONE);
            em.persist(up);
            em.flush();
            return c.id();
        });
        PendingDayStore pending = new PendingDayStore(dataSource, db.isPostgres() ? "PostgreSQL" : "H2");
        IntervalStore store = db.isPostgres() ? new PostgresIntervalStore(dataSource) : new H2IntervalStore(dataSource);
        LocalDate spring = LocalDate.of(2013, 3, 31);
        LocalDate next = spring.plusDays(1);
        pending.queue(Map.of(channel, List.of(spring, next)));
        Instant firstQueued = ofChannel(pending, channel).get(0).queuedAt();
        store.write(HalfHours.day(channel, LONDON, spring, "0.5", ReadSource.ACTUAL), Map.of(channel,
                new ChannelClock(LONDON, 30)), null);
        pending.queue(Map.of(channel, List.of(spring)));

        List<PendingDay> queued = ofChannel(pending, channel);
        assertEquals(List.of(spring, next), queued.stream().map(PendingDay::day).toList());
        assertEquals(firstQueued, queued.get(0).queuedAt(), "a day queued again keeps its place");
        assertEquals(46, queued.get(0).readCount());
        assertNotNull(queued.get(0).totalsWrittenAt());
        assertEquals(0, queued.get(1).readCount());
        assertNull(queued.get(1).totalsWrittenAt());

        assertEquals(0, pending.oldest(100_000, firstQueued).stream().filter(d -> d.channelId() == channel).count(),
                "only days queued before the instant given");
        assertEquals(2, pending.oldest(100_000, firstQueued.plusNanos(1000)).stream()
                .filter(d -> d.channelId() == channel).count());

        pending.remove(queued, firstQueued.minusSeconds(1));
        assertEquals(2, ofChannel(pending, channel).size(), "queued after the judgement began: kept");
        pending.remove(queued, Instant.now().plusSeconds(1));
        assertEquals(0, ofChannel(pending, channel).size());
    }

    private static List<PendingDay> ofChannel(PendingDayStore pending, long channel) {
        return pending.oldest(100_000).stream().filter(d -> d.channelId() == channel).toList();
    }
}
