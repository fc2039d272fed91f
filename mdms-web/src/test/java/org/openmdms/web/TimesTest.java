package org.openmdms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {

    private final Times times = new Times();

    @Test
    void theRepeatedAutumnHourIsTellableApartByItsOffset() {
        assertEquals("2013-10-27 01:30 +01:00", times.local(Instant.parse("2013-10-27T00:30:00Z"), "Europe/London"));
        assertEquals("2013-10-27 01:30 +00:00", times.local(Instant.parse("2013-10-27T01:30:00Z"), "Europe/London"));
    }

    @Test
    void theSpringDayJumpsFromOneToTwo() {
        assertEquals("2013-03-31 00:59 +00:00", times.local(Instant.parse("2013-03-31T00:59:00Z"), "Europe/London"));
        assertEquals("2013-03-31 02:00 +01:00", times.local(Instant.parse("2013-03-31T01:00:00Z"), "Europe/London"));
    }

    @Test
    void withoutAZoneTimesAreUtcAndNothingIsEmpty() {
        assertEquals("2013-06-01 10:00 +00:00", times.local(Instant.parse("2013-06-01T10:00:00Z"), null));
        assertEquals("", times.local(null, "Europe/London"));
    }
}
