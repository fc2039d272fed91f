package org.openmdms.reading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openmdms.reading.store.RetentionMode;

class RetentionPolicyTest {

    @Test
    void twelveMonthsKeepTheCurrentMonthAndTheTwelveBefore() {
        RetentionPolicy policy = new RetentionPolicy(12, RetentionMode.DROP);

        assertEquals(Optional.of(Instant.parse("2025-05-01T00:00:00Z")), policy.cutoff(LocalDate.of(2026, 5, 17)));
        assertEquals(Optional.of(Instant.parse("2025-05-01T00:00:00Z")), policy.cutoff(LocalDate.of(2026, 5, 31)));
        assertEquals(Optional.of(Instant.parse("2025-06-01T00:00:00Z")), policy.cutoff(LocalDate.of(2026, 6, 1)));
    }

    @Test
    void zeroMonthsKeepEverythingForever() {
        RetentionPolicy policy = new RetentionPolicy(0, RetentionMode.DETACH);

        assertTrue(policy.keepsForever());
        assertEquals(Optional.empty(), policy.cutoff(LocalDate.of(2026, 5, 17)));
    }

    @Test
    void unsetSettingsKeepEverythingAndModesAreNamedInAnyCase() {
        assertTrue(RetentionPolicy.configured().keepsForever(), "the default must keep the demo's 2013 reads");
        assertEquals(RetentionMode.DETACH, RetentionMode.of(" Detach "));
        assertThrows(IllegalArgumentException.class, () -> RetentionMode.of("archive"));
        assertThrows(IllegalArgumentException.class, () -> new RetentionPolicy(-1, RetentionMode.DROP));
    }
}
