package org.openmdms.vee.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openmdms.TestDatabase;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.ReadingType;
import org.openmdms.meter.entity.RegistryBuilder;
import org.openmdms.meter.entity.Unit;
import org.openmdms.meter.entity.UsagePoint;
import org.openmdms.paging.PageRequest;
import org.openmdms.vee.entity.ExceptionStatus;
import org.openmdms.vee.entity.VeeException;

/** The exception store on a real database: the queue's filters, counts, and one exception per channel, rule and interval. */
class VeeExceptionStoreIT {

    private static TestDatabase db;
    private static long north;
    private static long northUp;
    private static long south;
    private static long southUp;

    @BeforeAll
    static void twoUsagePointsOnTwoFeeders() {
        db = TestDatabase.create();
        long[] ids = db.inTransaction(em -> {
            UsagePoint a = RegistryBuilder.usagePoint("UP-VEE-N", "ACC-1", "NTH-F01", "NTH-F01-T01");
            var ca = a.addChannel(ReadingType.interval(Unit.KWH, 30, FlowDirection.DELIVERED), BigDecimal.ONE);
            UsagePoint b = RegistryBuilder.usagePoint("UP-VEE-S", "ACC-2", "STH-F02", "STH-F02-T01");
            var cb = b.addChannel(ReadingType.interval(Unit.KWH, 30, FlowDirection.DELIVERED), BigDecimal.ONE);
            em.persist(a);
            em.persist(b);
            em.flush();
            return new long[] {ca.id(), a.id(), cb.id(), b.id()};
        });
        north = ids[0];
        northUp = ids[1];
        south = ids[2];
        southUp = ids[3];
        Instant now = Instant.parse("2013-02-01T00:00:00Z");
        db.run(em -> {
            VeeExceptionStore store = new VeeExceptionStore(em);
            store.add(exception(north, northUp, "spike", "ERROR", "2013-01-15T10:00:00Z", now));
            store.add(exception(north, northUp, "missing-intervals", "ERROR", "2013-01-16T10:00:00Z", now));
            store.add(exception(south, southUp, "spike", "WARNING", "2013-01-15T12:00:00Z", now));
        });
    }

    private static VeeException exception(long channel, long up, String rule, String severity, String at, Instant now) {
        Instant end = Instant.parse(at);
        return new VeeException(channel, up, rule, severity, end, end, LocalDate.ofInstant(end, RegistryBuilder.LONDON),
                rule + " at " + at, new BigDecimal("9.5"), new BigDecimal("3"), now);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void theQueueFiltersByRuleSeverityFeederAndDay() {
        db.run(em -> {
            VeeExceptionStore store = new VeeExceptionStore(em);
            PageRequest page = PageRequest.first(50);

            assertEquals(3, store.search(ExceptionQuery.all(), page).total());
            assertEquals(2, store.search(new ExceptionQuery("spike", null, null, null, null, null, null, null), page).total());
            List<ExceptionRow> north = store.search(new ExceptionQuery(null, null, ExceptionStatus.OPEN, "NTH-F01", null,
                    null, null, null), page).items();
            assertEquals(List.of("missing-intervals", "spike"), north.stream().map(r -> r.exception().ruleId()).toList(),
                    "newest day first");
            assertEquals("UP-VEE-N", north.get(0).usagePoint());
            assertEquals(1, store.search(new ExceptionQuery(null, "WARNING", null, null, null, null,
                    LocalDate.of(2013, 1, 15), LocalDate.of(2013, 1, 16)), page).total());
            assertEquals(2, store.ids(new ExceptionQuery(null, null, null, null, "UP-VEE-N", null, null, null), 10).size());
        });
    }

    @Test
    void countsArePerRuleSeverityAndStatus() {
        db.run(em -> {
            List<RuleCount> counts = new VeeExceptionStore(em).counts(ExceptionQuery.all());
            assertEquals(3, counts.stream().mapToLong(RuleCount::count).sum());
            assertEquals(1, counts.stream().filter(c -> c.ruleId().equals("spike") && c.severity().equals("ERROR"))
                    .mapToLong(RuleCount::count).sum());
        });
    }

    @Test
    void aChannelHasOneExceptionPerRuleAndFirstInterval() {
        assertThrows(RuntimeException.class, () -> db.run(em -> new VeeExceptionStore(em).add(
                exception(north, northUp, "spike", "ERROR", "2013-01-15T10:00:00Z", Instant.now()))));
        db.run(em -> assertEquals(2, new VeeExceptionStore(em).ofChannel(north,
                Instant.parse("2013-01-01T00:00:00Z"), Instant.parse("2013-02-01T00:00:00Z")).size()));
    }
}
