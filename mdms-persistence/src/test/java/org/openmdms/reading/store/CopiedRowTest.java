package org.openmdms.reading.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmdms.reading.entity.ReadSource;

/** COPY rows parsed to exactly what the JDBC driver would have given for the same columns. */
class CopiedRowTest {

    private record Read(long channel, Instant end, BigDecimal value, int quality, ReadSource source) {
    }

    private static Read parse(String row) {
        List<Read> reads = new ArrayList<>();
        CopiedRow.parse(row.getBytes(StandardCharsets.US_ASCII),
                (channel, end, value, quality, source) -> reads.add(new Read(channel, end, value, quality, source)));
        assertEquals(1, reads.size());
        return reads.get(0);
    }

    @Test
    void aRowGivesTheDriversValues() {
        Read read = parse("42\t1767226500\t0.125000\t0\tA\n");

        assertEquals(new Read(42, Instant.parse("2026-01-01T00:15:00Z"), new BigDecimal("0.125000"), 0, ReadSource.ACTUAL),
                read);
        // equal as BigDecimal.equals: the same unscaled value and scale as the driver's text parse
        assertEquals(6, read.value().scale());
    }

    @Test
    void valuesKeepTheirSignScaleAndEveryDigit() {
        assertEquals(new BigDecimal("-12.500000"), parse("1\t0\t-12.500000\t2\tE").value());
        assertEquals(new BigDecimal("0.000000"), parse("1\t0\t0.000000\t0\tA").value());
        assertEquals(new BigDecimal("7"), parse("1\t0\t7\t0\tA").value());
        assertEquals(new BigDecimal("999999999999.999999"), parse("1\t0\t999999999999.999999\t0\tA").value());
        // more digits than a long holds: parsed from the text
        assertEquals(new BigDecimal("12345678901234567890.123"), parse("1\t0\t12345678901234567890.123\t0\tA").value());
    }

    @Test
    void qualityAndSourceAndNegativeEpochs() {
        Read read = parse("9007199254740993\t-86400\t1.5\t6\tM");

        assertEquals(9007199254740993L, read.channel());
        assertEquals(Instant.parse("1969-12-31T00:00:00Z"), read.end());
        assertEquals(6, read.quality());
        assertEquals(ReadSource.EDITED, read.source());
    }

    @Test
    void aDailyTotalsRowGivesTheDriversValues() {
        DailyReading day = CopiedRow.daily("42\t15721\t15.250000\t48\t1\t0\t3.500000\t2\n"
                .getBytes(StandardCharsets.US_ASCII));

        assertEquals(new DailyReading(42, java.time.LocalDate.of(2013, 1, 16), new BigDecimal("15.250000"), 48, 1, 0,
                new BigDecimal("3.500000"), 2), day);
        assertEquals(-3, CopiedRow.daily("1\t-1\t0\t0\t0\t0\t0\t-3".getBytes(StandardCharsets.US_ASCII))
                .outageCount());
        assertThrows(IllegalStateException.class, () -> CopiedRow.daily("1\t-1\t0\t0\t0\t0\t0\t1\t9"
                .getBytes(StandardCharsets.US_ASCII)));
        assertThrows(IllegalStateException.class, () -> CopiedRow.daily("1\t-1\t0\t0\t0\t0\t0\t\n"
                .getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aMalformedRowIsRefused() {
        assertThrows(IllegalStateException.class, () -> parse("1\t0\t0.5\t0\tX"));
        assertThrows(IllegalStateException.class, () -> parse("1\t0\t0.5\t0"));
        assertThrows(IllegalStateException.class, () -> parse("1\tx\t0.5\t0\tA"));
        assertThrows(IllegalStateException.class, () -> parse("1\t0\t\t0\tA"));
        assertThrows(NumberFormatException.class, () -> parse("1\t0\tNaN\t0\tA"));
    }
}
