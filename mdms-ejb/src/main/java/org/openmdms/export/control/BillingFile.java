package org.openmdms.export.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The legacy billing flat file (docs/billing-file.md): one D record per usage point, billing period
 * and account with its determinants, each followed by a P record per TOU period, between an H header
 * and a T trailer that carries the record count and the value totals — in a fixed-width layout or as
 * CSV. Only the data decides the bytes (no clock, no locale): the same determinants give the same
 * file. {@link #stage} writes it and a SHA-256 checksum file beside it under temporary names that
 * {@link StagedFiles} renames when the run is complete, so that a reader never sees half a file.
 */
public final class BillingFile {

    /** The two layouts. */
    public enum Layout { FIXED, CSV }

    /** NEW: determinants calculated for the first time that day; CORRECTION: recalculated ones (re-sent). */
    public enum Kind { NEW, CORRECTION }

    /** One TOU period of a record. */
    public record Period(String name, BigDecimal kwh, BigDecimal maxKw, Instant maxKwEnd, BigDecimal cost) {
    }

    /** One usage point, billing period and account. */
    public record Record(String usagePoint, String account, LocalDate periodStart, LocalDate periodEnd, int version,
            String tariff, BigDecimal deliveredKwh, BigDecimal receivedKwh, BigDecimal netKwh, BigDecimal cppKwh,
            int expected, int present, int estimated, int edited, boolean isFinal, BigDecimal cost,
            List<Period> periods) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    static final String FORMAT = "MDMSBILL01";

    private final LocalDate day;
    private final Kind kind;
    private final Layout layout;
    private final List<Record> records;

    public BillingFile(LocalDate day, Kind kind, Layout layout, List<Record> records) {
        this.day = day;
        this.kind = kind;
        this.layout = layout;
        this.records = List.copyOf(records);
    }

    /** The file's name: mdms-billing-20130402-new.dat (fixed) or .csv. */
    public String name() {
        return "mdms-billing-" + DAY.format(day) + "-" + kind.name().toLowerCase(Locale.ROOT)
                + (layout == Layout.FIXED ? ".dat" : ".csv");
    }

    /** The file's content. */
    public byte[] bytes() {
        StringBuilder out = new StringBuilder();
        BigDecimal delivered = BigDecimal.ZERO;
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        int lines = 0;
        line(out, "H", text(FORMAT, 10), DAY.format(day), text(kind.name(), 10), number(records.size(), 9));
        for (Record r : records) {
            line(out, "D", text(r.usagePoint(), 32), text(r.account(), 32), DAY.format(r.periodStart()),
                    DAY.format(r.periodEnd()), number(r.version(), 4), text(r.tariff(), 32), decimal(r.deliveredKwh(), 15, 3),
                    decimal(r.receivedKwh(), 15, 3), decimal(r.netKwh(), 15, 3), decimal(r.cppKwh(), 15, 3),
                    number(r.expected(), 6), number(r.present(), 6), number(r.estimated(), 6), number(r.edited(), 6),
                    r.isFinal() ? "F" : "P", decimal(r.cost(), 15, 2));
            lines++;
            for (Period p : r.periods()) {
                line(out, "P", text(p.name(), 32), decimal(p.kwh(), 15, 3), decimal(p.maxKw(), 12, 3),
                        p.maxKwEnd() == null ? text("", 14) : STAMP.format(p.maxKwEnd()), decimal(p.cost(), 15, 2));
                lines++;
            }
            delivered = delivered.add(r.deliveredKwh());
            net = net.add(r.netKwh());
            cost = r.cost() == null ? cost : cost.add(r.cost());
        }
        line(out, "T", number(records.size(), 9), number(lines, 9), decimal(delivered, 18, 3), decimal(net, 18, 3),
                decimal(cost, 18, 2));
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Writes the file into the folder under a temporary name, then renames it to {@link #name()} and
     * writes {@code name.sha256} ("hex  name"); returns the file's path. An existing file of the same
     * name is replaced (a re-run writes the same bytes).
     */
    public Path writeTo(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (StagedFiles files = new StagedFiles(folder)) {
            stage(files);
            return files.commit().get(0);
        }
    }

    /**
     * Writes the file and its checksum file ({@code name.sha256}: "hex  name", as {@code sha256sum -c}
     * reads it) as temporary files of {@code files}; they take their names when {@code files} is committed.
     */
    public void stage(StagedFiles files) {
        byte[] bytes = bytes();
        try {
            files.write(name(), bytes);
            String checksum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)) + "  "
                    + name() + "\n";
            files.write(name() + ".sha256", checksum.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void line(StringBuilder out, String type, String... fields) {
        if (layout == Layout.FIXED) {
            out.append(type);
            for (String field : fields) {
                out.append(field);
            }
        } else {
            out.append(type);
            for (String field : fields) {
                out.append(',').append(csv(field.strip()));
            }
        }
        out.append("\r\n");
    }

    /** Left-aligned, padded with spaces to the width; longer text is refused (it would shift every later field). */
    static String text(String value, int width) {
        String v = value == null ? "" : value;
        if (v.length() > width || !StandardCharsets.US_ASCII.newEncoder().canEncode(v)) {
            throw new IllegalArgumentException("'" + v + "' does not fit a " + width + "-character ASCII field");
        }
        return v + " ".repeat(width - v.length());
    }

    /** Right-aligned, zero-padded. */
    static String number(long value, int width) {
        String v = Long.toString(value);
        if (value < 0 || v.length() > width) {
            throw new IllegalArgumentException(value + " does not fit a " + width + "-digit field");
        }
        return "0".repeat(width - v.length()) + v;
    }

    /** Sign and digits with the decimal point, right-aligned, zero-padded (+000012.345); blank when null. */
    static String decimal(BigDecimal value, int width, int scale) {
        if (value == null) {
            return " ".repeat(width);
        }
        BigDecimal v = value.setScale(scale, RoundingMode.HALF_UP);
        String digits = v.abs().toPlainString();
        if (digits.length() + 1 > width) {
            throw new IllegalArgumentException(value + " does not fit a " + width + "-character field");
        }
        return (v.signum() < 0 ? "-" : "+") + "0".repeat(width - 1 - digits.length()) + digits;
    }

    private static String csv(String field) {
        return field.contains(",") || field.contains("\"") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
