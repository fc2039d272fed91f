package org.openmdms.billing.control;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A maximum demand: kW over one demand window [start, end), i.e. the window's kWh × 60 / its minutes,
 * at 3 decimals. Its timestamp, as meters and bills show it, is the window's end; the window belongs
 * to the TOU period in which it starts.
 */
public record PeakDemand(BigDecimal kw, Instant start, Instant end) {
}
