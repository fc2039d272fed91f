package org.openmdms.export.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The legacy billing file, byte for byte in both layouts, and how it reaches its folder. */
class BillingFileTest {

    private static final LocalDate DAY = LocalDate.of(2013, 4, 2);

    static List<BillingFile.Record> records() {
        return List.of(
                new BillingFile.Record("LCL-MAC000005", "ACC-000005", LocalDate.of(2013, 3, 1), LocalDate.of(2013, 4, 1), 1,
                        "LCL-DTOU-2013", new BigDecimal("312.4567"), BigDecimal.ZERO, new BigDecimal("312.457"),
                        BigDecimal.ZERO, 1486, 1486, 1, 0, true, new BigDecimal("4796.39"), List.of(
                                new BillingFile.Period("High", new BigDecimal("24.287"), new BigDecimal("1.8"),
                                        Instant.parse("2013-03-21T18:00:00Z"), new BigDecimal("1632.09")),
                                new BillingFile.Period("Low", new BigDecimal("34.087"), null, null, null))),
                new BillingFile.Record("UP-2", "ACC, \"two\"", LocalDate.of(2013, 3, 1), LocalDate.of(2013, 4, 1), 2,
                        "FLAT", new BigDecimal("10"), new BigDecimal("12.5"), new BigDecimal("-2.5"), BigDecimal.ZERO,
                        1486, 1400, 0, 3, false, null, List.of()));
    }

    @Test
    void theFixedWidthLayoutByteForByte() {
        String expected = "HMDMSBILL0120130402NEW       000000002\r\n"
                + "DLCL-MAC000005                   ACC-000005                      2013030120130401"
                + "0001LCL-DTOU-2013                   +0000000312.457+0000000000.000+0000000312.457+0000000000.000"
                + "001486001486000001000000F+00000004796.39\r\n"
                + "PHigh                            +0000000024.287+0000001.800" + "20130321180000+00000001632.09\r\n"
                + "PLow                             +0000000034.087" + " ".repeat(12) + " ".repeat(14) + " ".repeat(15)
                + "\r\n"
                + "DUP-2                            ACC, \"two\"                      2013030120130401"
                + "0002FLAT                            +0000000010.000+0000000012.500-0000000002.500+0000000000.000"
                + "001486001400000000000003P" + " ".repeat(15) + "\r\n"
                + "T000000002000000004+0000000000322.457+0000000000309.957+00000000004796.39\r\n";
        assertEquals(expected, new String(new BillingFile(DAY, BillingFile.Kind.NEW, BillingFile.Layout.FIXED,
                records()).bytes(), StandardCharsets.US_ASCII));
    }

    @Test
    void theCsvLayoutByteForByte() {
        String expected = "H,MDMSBILL01,20130402,NEW,000000002\r\n"
                + "D,LCL-MAC000005,ACC-000005,20130301,20130401,0001,LCL-DTOU-2013,+0000000312.457,+0000000000.000,"
                + "+0000000312.457,+0000000000.000,001486,001486,000001,000000,F,+00000004796.39\r\n"
                + "P,High,+0000000024.287,+0000001.800,20130321180000,+00000001632.09\r\n"
                + "P,Low,+0000000034.087,,,\r\n"
                + "D,UP-2,\"ACC, \"\"two\"\"\",20130301,20130401,0002,FLAT,+0000000010.000,+0000000012.500,"
                + "-0000000002.500,+0000000000.000,001486,001400,000000,000003,P,\r\n"
                + "T,000000002,000000004,+0000000000322.457,+0000000000309.957,+00000000004796.39\r\n";
        assertEquals(expected, new String(new BillingFile(DAY, BillingFile.Kind.NEW, BillingFile.Layout.CSV,
                records()).bytes(), StandardCharsets.US_ASCII));
    }

    @Test
    void anEmptyDayHasAHeaderAndATrailer() {
        assertEquals("HMDMSBILL0120130402CORRECTION000000000\r\nT000000000000000000+0000000000000.000"
                + "+0000000000000.000+00000000000000.00\r\n", new String(new BillingFile(DAY,
                BillingFile.Kind.CORRECTION, BillingFile.Layout.FIXED, List.of()).bytes(), StandardCharsets.US_ASCII));
    }

    @Test
    void theFileIsRenamedWhenCompleteWithItsChecksumAndARerunWritesTheSameBytes(@TempDir Path folder)
            throws Exception {
        BillingFile file = new BillingFile(DAY, BillingFile.Kind.NEW, BillingFile.Layout.FIXED, records());
        Path written = file.writeTo(folder);
        assertEquals("mdms-billing-20130402-new.dat", written.getFileName().toString());
        byte[] first = Files.readAllBytes(written);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(first));
        assertEquals(sha + "  mdms-billing-20130402-new.dat\n",
                Files.readString(folder.resolve("mdms-billing-20130402-new.dat.sha256")));
        try (var names = Files.list(folder)) {
            assertFalse(names.anyMatch(p -> p.toString().endsWith(".part")), "no temporary file left");
        }
        file.writeTo(folder);
        assertArrayEquals(first, Files.readAllBytes(written));
    }

    @Test
    void aValueThatDoesNotFitIsRefusedRatherThanShiftingTheFields() {
        assertThrows(IllegalArgumentException.class, () -> BillingFile.text("x".repeat(33), 32));
        assertThrows(IllegalArgumentException.class, () -> BillingFile.decimal(new BigDecimal("1e20"), 15, 3));
        assertEquals("-0000000002.500", BillingFile.decimal(new BigDecimal("-2.5"), 15, 3));
    }
}
