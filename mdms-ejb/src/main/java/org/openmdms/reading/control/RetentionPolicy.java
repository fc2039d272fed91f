package org.openmdms.reading.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.openmdms.config.Settings;
import org.openmdms.reading.store.RetentionMode;

/**
 * How long interval detail is kept: {@code months} whole months before the current UTC month, then
 * removed a month at a time (daily totals stay). 0 keeps everything forever.
 *
 * @param months whole months kept before the current one; 0 = forever
 * @param mode what happens to a month past the period: dropped or detached for archiving
 */
public record RetentionPolicy(int months, RetentionMode mode) {

    public RetentionPolicy {
        if (months < 0) {
            throw new IllegalArgumentException("Retention months must be 0 (keep forever) or more");
        }
    }

    /** The policy of the server's settings (mdms.retention.months, mdms.retention.mode). */
    public static RetentionPolicy configured() {
        return new RetentionPolicy(Settings.retentionMonths(), Settings.retentionMode());
    }

    public boolean keepsForever() {
        return months == 0;
    }

    /**
     * The boundary before which interval detail is removed on the given UTC day: the first of that
     * day's month, {@code months} months back. Empty when the policy keeps everything.
     */
    public Optional<Instant> cutoff(LocalDate today) {
        return keepsForever() ? Optional.empty()
                : Optional.of(today.withDayOfMonth(1).minusMonths(months).atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
