package org.openmdms.reading.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;

/** Test data: the half-hourly rows of one channel's local day (46, 48 or 50 of them), all with one value. */
final class HalfHours {

    private HalfHours() {
    }

    static List<IntervalRow> day(long channel, ZoneId zone, LocalDate day, String value, ReadSource source) {
        List<IntervalRow> rows = new ArrayList<>();
        Instant end = day.atStartOfDay(zone).toInstant().plusSeconds(1800);
        Instant next = day.plusDays(1).atStartOfDay(zone).toInstant().plusSeconds(1800);
        for (; end.isBefore(next); end = end.plusSeconds(1800)) {
            rows.add(new IntervalRow(channel, end, new BigDecimal(value), Quality.VALID, source));
        }
        return rows;
    }
}
