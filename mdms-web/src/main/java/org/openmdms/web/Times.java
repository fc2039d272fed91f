package org.openmdms.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Instants as people read them: in the usage point's local time with its UTC offset, so the repeated
 * hour of the autumn DST change is never ambiguous (2013-10-27 01:30 +01:00 vs 01:30 +00:00).
 */
@Named
@ApplicationScoped
public class Times {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    /** Local time with offset in the given zone, or UTC when no zone is known. */
    public String local(Instant instant, String zone) {
        if (instant == null) {
            return "";
        }
        ZoneId id = zone == null || zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone);
        return ZonedDateTime.ofInstant(instant, id).format(LOCAL);
    }

    public String utc(Instant instant) {
        return local(instant, "UTC");
    }
}
