package org.openmdms.reading.control;

import java.io.BufferedReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.openmdms.meter.control.CsvRecords;
import org.openmdms.meter.control.RowError;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.ReadingType;
import org.openmdms.meter.entity.Unit;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;

/**
 * Streams CMEP (California Metering Exchange Protocol) MEPMD01 records — one channel per line — into
 * a {@link ReadingSink}.
 *
 * <p>Layout: {@code MEPMD01, RecordVersion (YYYYMMDD), SenderID, SenderCustomerID, ReceiverID,
 * ReceiverCustomerID, TimeStamp (CCYYMMDDHHMM), MeterID, Purpose, Commodity (E/G/W), Units,
 * CalculationConstant, Interval (MMDDHHMM), Count}, then Count triples {@code time, quality, value}.
 *
 * <h2>Conventions</h2>
 * <ul>
 * <li><b>Time labels.</b> A triple's time (CCYYMMDDHHMM) is the <em>end</em> of its interval
 * (North American convention) in the local time of the zone given to the parser — a per-sender
 * setting, UTC by default. An empty time (allowed after the first triple when Interval is given)
 * means the previous triple's end <em>instant</em> plus the interval length, so a DST day comes out
 * right: 92 quarter hours on a spring-forward day, 100 on a fall-back day. An explicit local time
 * inside a DST gap is rejected; one inside a DST overlap takes the earlier offset unless that is not
 * after the previous triple of the record, then the later one.</li>
 * <li><b>Interval</b> MMDDHHMM: {@code 00000015} = 15 minutes, {@code 00000100} = 1 hour; it must be
 * one of {@link ReadingType#INTERVAL_MINUTES} for interval data (months are not a fixed length and
 * are rejected). Register records may leave it empty (then every triple needs its time).</li>
 * <li><b>Values</b>: file value × CalculationConstant = engineering units; an empty constant is 1.
 * The reads handed on carry engineering units.</li>
 * <li><b>Units</b>: KWH, KW, KVARH, KVAR, KVAH, V, A, M3, THERM (case-insensitive). A {@code REG}
 * suffix ({@code KWHREG}) marks a register (dial) read, sent to {@code sink.register} with
 * readAt = the triple's time. Other units ({@code CCF}, …) reject the record.</li>
 * <li><b>Direction</b>: CMEP units do not say it; every read is {@link FlowDirection#DELIVERED}.</li>
 * <li><b>Quality codes</b>: empty, {@code 0}, {@code A} → ACTUAL, valid; {@code E}, {@code ES} →
 * ESTIMATED; {@code S} → ESTIMATED + {@link Quality#SUBSTITUTED}; {@code Q} → ACTUAL +
 * {@link Quality#QUESTIONABLE}; {@code P} → ACTUAL + {@link Quality#POWER_OUTAGE}. This product's
 * extension (what {@link CmepWriter} writes for other combinations): {@code A} or {@code E}
 * followed by the quality flag bits in decimal ({@code E256} = estimated by linear interpolation)
 * → that source with those flags. {@code M} (edited by an analyst of the sender, optionally with
 * flags) is refused with its reason: edits are made here, by analysts, with a reason. Any other
 * code rejects that value (line and reason) and the next triple goes on from its time.</li>
 * <li><b>Errors</b>: a malformed record (record type, missing fields, bad count, count not matching
 * the triples, bad timestamp, constant, interval or unit) is rejected as a whole; a bad triple (time,
 * quality, number) rejects only that value (after a bad time, following empty times are rejected
 * too: they have nothing to count from). Parsing goes on with the next line.</li>
 * </ul>
 */
public final class CmepParser {

    public static final String RECORD_TYPE = "MEPMD01";
    static final int HEADER_FIELDS = 14;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmm").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private final ZoneId zone;

    /** Times are read as UTC. */
    public CmepParser() {
        this(ZoneOffset.UTC);
    }

    /** @param zone the zone the sender writes local times in */
    public CmepParser(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A CMEP units code: the unit and whether it is a register read. Null if not accepted. */
    record Units(Unit unit, boolean register) {
        static Units of(String code) {
            String text = code.toUpperCase(Locale.ROOT);
            boolean register = text.endsWith("REG");
            if (register) {
                text = text.substring(0, text.length() - 3);
            }
            for (Unit unit : Unit.values()) {
                if (unit.name().equals(text)) {
                    return new Units(unit, register);
                }
            }
            return null;
        }

        String code() {
            return unit.name() + (register ? "REG" : "");
        }
    }

    /** Quality and source a CMEP quality code stands for. */
    record Code(int quality, ReadSource source) {
        /** The highest flag set {@link Quality} defines (bits 0–11). */
        static final int MAX_FLAGS = (1 << 12) - 1;

        static Code of(String code) {
            return switch (code.toUpperCase(Locale.ROOT)) {
                case "", "0", "A" -> new Code(Quality.VALID, ReadSource.ACTUAL);
                case "E", "ES" -> new Code(Quality.VALID, ReadSource.ESTIMATED);
                case "S" -> new Code(Quality.SUBSTITUTED, ReadSource.ESTIMATED);
                case "Q" -> new Code(Quality.QUESTIONABLE, ReadSource.ACTUAL);
                case "P" -> new Code(Quality.POWER_OUTAGE, ReadSource.ACTUAL);
                default -> extension(code.toUpperCase(Locale.ROOT));
            };
        }

        /** The source letter and the flag bits ({@code E256}); null if not in that form. */
        private static Code extension(String code) {
            if (!code.matches("[AEM][0-9]{1,4}|M")) {
                return null;
            }
            int quality = code.length() == 1 ? Quality.VALID : Integer.parseInt(code.substring(1));
            if (quality > MAX_FLAGS) {
                return null;
            }
            return new Code(quality, ReadSource.of(code.charAt(0)));
        }
    }

    public void parse(Reader reader, ReadingSink sink) {
        BufferedReader buffered = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        CsvRecords records = new CsvRecords(buffered);
        while (records.hasNext()) {
            CsvRecords.Record record = records.next();
            if (record.error() != null) {
                sink.reject(new RowError(record.line(), "malformed CSV: " + record.error()));
                continue;
            }
            String problem = record(record.line(), record.fields(), sink);
            if (problem != null) {
                sink.reject(new RowError(record.line(), problem));
            }
        }
    }

    /** Reads one record; returns why it is rejected as a whole, or null. */
    private String record(long line, List<String> fields, ReadingSink sink) {
        if (!RECORD_TYPE.equals(fields.get(0))) {
            return "record type '" + fields.get(0) + "', expected " + RECORD_TYPE;
        }
        if (fields.size() < HEADER_FIELDS) {
            return "record has " + fields.size() + " fields, needs at least " + HEADER_FIELDS + " (up to Count)";
        }
        if (!fields.get(1).isEmpty() && !parses(fields.get(1), DATE)) {
            return "RecordVersion '" + fields.get(1) + "' is not YYYYMMDD";
        }
        if (!fields.get(6).isEmpty() && !parses(fields.get(6), TIME)) {
            return "TimeStamp '" + fields.get(6) + "' is not CCYYMMDDHHMM";
        }
        String meterId = fields.get(7);
        if (meterId.isEmpty()) {
            return "no MeterID";
        }
        String commodity = fields.get(9);
        if (!List.of("E", "G", "W").contains(commodity)) {
            return "Commodity '" + commodity + "', expected E, G or W";
        }
        Units units = Units.of(fields.get(10));
        if (units == null) {
            return "Units '" + fields.get(10) + "' not accepted; accepted: KWH, KW, KVARH, KVAR, KVAH, V, A, M3, THERM,"
                    + " each with an optional REG suffix for register reads";
        }
        BigDecimal constant;
        try {
            constant = fields.get(11).isEmpty() ? BigDecimal.ONE : new BigDecimal(fields.get(11));
        } catch (NumberFormatException e) {
            return "CalculationConstant '" + fields.get(11) + "' is not a number";
        }
        Integer minutes = interval(fields.get(12));
        if (minutes == null) {
            return "Interval '" + fields.get(12) + "' is not MMDDHHMM";
        }
        if (!units.register() && !ReadingType.INTERVAL_MINUTES.contains(minutes)) {
            return "Interval '" + fields.get(12) + "' is " + minutes + " minutes; interval data must be one of "
                    + ReadingType.INTERVAL_MINUTES + " minutes";
        }
        int count;
        try {
            count = Integer.parseInt(fields.get(13));
        } catch (NumberFormatException e) {
            return "Count '" + fields.get(13) + "' is not a number";
        }
        if (count < 1) {
            return "Count " + count + ", expected at least 1";
        }
        int triples = fields.size() - HEADER_FIELDS;
        if (triples != 3L * count) {
            return "Count is " + count + " but the record holds " + (triples % 3 == 0 ? triples / 3 + " triples"
                    : triples + " fields after Count, not a whole number of (time, quality, value) triples");
        }
        Instant previous = null;
        for (int i = 0; i < count; i++) {
            int at = HEADER_FIELDS + 3 * i;
            String timeText = fields.get(at);
            Instant end;
            if (timeText.isEmpty()) {
                if (previous == null || minutes == 0) {
                    sink.reject(new RowError(line, "triple " + (i + 1) + ": empty time, but "
                            + (previous == null ? "there is no previous time" : "the record has no Interval")));
                    continue;
                }
                end = previous.plusSeconds(60L * minutes);
            } else {
                LocalDateTime local;
                try {
                    local = LocalDateTime.parse(timeText, TIME);
                } catch (DateTimeParseException e) {
                    sink.reject(new RowError(line, "triple " + (i + 1) + ": time '" + timeText + "' is not CCYYMMDDHHMM"));
                    previous = null; // the empty times after it have nothing to count from
                    continue;
                }
                end = instant(local, previous);
                if (end == null) {
                    sink.reject(new RowError(line, "triple " + (i + 1) + ": time '" + timeText + "' does not exist in "
                            + zone + " (daylight saving gap)"));
                    previous = null;
                    continue;
                }
            }
            previous = end;
            String codeText = fields.get(at + 1);
            Code code = Code.of(codeText);
            if (code == null) {
                sink.reject(new RowError(line, "triple " + (i + 1) + ": unknown quality code '" + codeText
                        + "' (known: empty, 0, A, E, ES, S, Q, P, or A/E followed by the quality flag bits, e.g. E256)"));
                continue;
            }
            if (code.source() == ReadSource.EDITED) {
                sink.reject(new RowError(line, "triple " + (i + 1) + ": quality code '" + codeText + "' marks a value"
                        + " an analyst of the sender edited; edits are not imported (analysts edit here, with a reason)"));
                continue;
            }
            String valueText = fields.get(at + 2);
            BigDecimal value;
            try {
                value = new BigDecimal(valueText);
            } catch (NumberFormatException e) {
                sink.reject(new RowError(line, "triple " + (i + 1) + ": value '" + valueText + "' is not a number"));
                continue;
            }
            value = value.multiply(constant);
            if (units.register()) {
                sink.register(new MeterRegisterRead(line, meterId, units.unit(), FlowDirection.DELIVERED, end, value,
                        code.quality(), code.source()));
            } else {
                sink.interval(new MeterIntervalRead(line, meterId, units.unit(), minutes, FlowDirection.DELIVERED, end,
                        value, code.quality(), code.source()));
            }
        }
        return null;
    }

    /** The instant of a local time; null in a DST gap; in an overlap the earliest after {@code previous}. */
    private Instant instant(LocalDateTime local, Instant previous) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            return null;
        }
        // in an overlap the earlier offset is the larger one (e.g. -07:00 before -08:00)
        Instant earlier = local.toInstant(offsets.get(0));
        Instant later = local.toInstant(offsets.get(offsets.size() - 1));
        if (earlier.isAfter(later)) {
            Instant swap = earlier;
            earlier = later;
            later = swap;
        }
        return previous != null && !earlier.isAfter(previous) ? later : earlier;
    }

    /** MMDDHHMM as minutes; months are not fixed-length and give null, as does anything malformed. */
    static Integer interval(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        if (!text.matches("[0-9]{8}")) {
            return null;
        }
        int months = Integer.parseInt(text.substring(0, 2));
        int days = Integer.parseInt(text.substring(2, 4));
        int hours = Integer.parseInt(text.substring(4, 6));
        int mins = Integer.parseInt(text.substring(6, 8));
        if (months != 0 || hours > 23 || mins > 59) {
            return null;
        }
        return days * 1440 + hours * 60 + mins;
    }

    private static boolean parses(String text, DateTimeFormatter format) {
        try {
            format.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
