package org.openmdms.meter.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.CustomerClass;
import org.openmdms.meter.entity.ReadingType;

/**
 * What VEE judges a usage point by, read as plain values (no managed entities): which rule set applies
 * (commodity, customer class), its local time, its service capacity, its channels and when a meter
 * was installed. A worker pass judges thousands of usage points; loading and then dirty-checking them
 * as entities was a fifth of a daily file's pass ({@link UsagePointStore#lockFacts}).
 */
public record UsagePointFacts(long id, String code, Commodity commodity, CustomerClass customerClass, ZoneId timeZone,
        BigDecimal serviceCapacityKw, List<ChannelFacts> channels, List<Installed> installations) {

    public UsagePointFacts {
        channels = List.copyOf(channels);
        installations = List.copyOf(installations);
    }

    /** A channel: its id and what it measures. */
    public record ChannelFacts(long id, ReadingType readingType) {
    }

    /** A meter's installation at the usage point, [from, to); {@code to} null while installed. */
    public record Installed(Instant from, Instant to) {
    }
}
