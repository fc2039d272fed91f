package org.openmdms.reading.control;

import java.io.BufferedReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.openmdms.meter.control.CsvRecords;
import org.openmdms.meter.control.RowError;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.ReadingType;
import org.openmdms.meter.entity.Unit;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;

/**
 * Streams an AEMO Meter Data File Format file: NEM12 (interval data) or NEM13 (accumulation
 * data), record by record, into a {@link ReadingSink}. Only one 300 record (a day of one channel)
 * and its 400 records are held in memory at a time.
 *
 * <h2>Conventions</h2>
 * <ul>
 * <li><b>Structure.</b> The first record must be {@code 100,NEM12,...} or {@code 100,NEM13,...};
 * otherwise the file is rejected as a whole with one error (line of the first record) and nothing
 * else is read. An empty file is one error on line 1. A file without any 200/250 record, records
 * after the 900 end record and a missing 900 are each reported. 500 (B2B details) and 550 records
 * are ignored.</li>
 * <li><b>Time.</b> NEM12 and NEM13 times are market time, UTC+10:00 all year (no daylight saving).
 * The n-th value (1-based) of a 300 record covers the n-th interval of its day starting 00:00
 * +10:00, so its {@code intervalEnd} is {@code day start + n × IntervalLength}. NEM13 read times
 * (CCYYMMDDhhmmss) are read as +10:00 too.</li>
 * <li><b>Meter id.</b> The 200/250 record's MeterSerialNumber when present, else
 * {@code NMI + "-" + NMISuffix} (e.g. {@code C123-E1}). Channels of one meter differ by unit,
 * interval and direction; two data streams of one meter with the same reading type (E1 general and
 * E2 controlled load, or two NEM13 registers) get the same meter id and cannot be told apart by the
 * receiver.</li>
 * <li><b>Direction.</b> NEM12: NMISuffix starting with {@code B} (export kWh: to the grid,
 * generation) or {@code K} (its reactive counterpart, export kVArh) = {@link FlowDirection#RECEIVED};
 * anything else ({@code E} import kWh, {@code Q} import kVArh, …) = DELIVERED. NEM13: the 250 record's DirectionIndicator — {@code E} ("export from the market",
 * i.e. consumption) = DELIVERED, {@code I} (import into the market, generation) = RECEIVED.</li>
 * <li><b>Units</b> (UOM, case-insensitive): kWh, kW, kVArh, kVAr, kVAh, V, A map one to one; Wh,
 * W, VArh, VAr, VAh are divided by 1000 into the kilo unit. Anything else rejects its 200/250
 * record. An empty UOM is accepted only for an NMISuffix starting with {@code V} (AEMO's
 * voltage data stream), read as V.</li>
 * <li><b>Quality</b> (QualityMethod's first letter): A → ACTUAL, valid; E → ESTIMATED, valid; S and
 * F (substituted, final substituted) → ESTIMATED + {@link Quality#SUBSTITUTED}; N (null data) →
 * the value is <em>skipped</em>: neither emitted nor rejected, since the sender states that there
 * is no data (it is not a fault of the file); V (variable, 300 only) → per interval from the 400
 * records that follow, which must cover every interval of the day without overlap.</li>
 * <li><b>Values</b> are in engineering units as the file states them; no multiplier is applied.</li>
 * <li><b>Errors</b> are reported as {@link RowError}(line, reason) and reading goes on: a bad 200
 * record rejects its 300/400 records (each one, naming the 200's line); a 300 whose value count
 * does not match 1440 / IntervalLength, or that lacks fields, is rejected with its 400 records; a
 * bad single value rejects only that value; intervals of a V day that no 400 covers are rejected
 * as one range. A 300 record broken over several lines (seen in AEMO example files) is joined when
 * the following lines do not start with a record indicator.</li>
 * </ul>
 */
public final class Nem12Parser {

    /** NEM market time: AEST, no daylight saving. */
    public static final ZoneOffset MARKET_TIME = ZoneOffset.ofHours(10);

    private static final Set<String> RECORD_INDICATORS = Set.of("100", "200", "250", "300", "400", "500", "550", "900");
    private static final Pattern QUALITY_METHOD = Pattern.compile("[AEFNSV][0-9]{0,2}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME_12 = DateTimeFormatter.ofPattern("uuuuMMddHHmm")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME_14 = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    /** Reads the whole file; every problem goes to {@code sink.reject}. */
    public void parse(Reader reader, ReadingSink sink) {
        BufferedReader buffered = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        new Run(new CsvRecords(buffered), sink).run();
    }

    /** Unit and scale a UOM maps to. */
    record Uom(Unit unit, BigDecimal divisor) {
    }

    /** Maps a UOM as NEM12 files write it; null if it is not accepted. */
    static Uom uom(String text) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "KWH" -> new Uom(Unit.KWH, null);
            case "WH" -> new Uom(Unit.KWH, THOUSAND);
            case "KW" -> new Uom(Unit.KW, null);
            case "W" -> new Uom(Unit.KW, THOUSAND);
            case "KVARH" -> new Uom(Unit.KVARH, null);
            case "VARH" -> new Uom(Unit.KVARH, THOUSAND);
            case "KVAR" -> new Uom(Unit.KVAR, null);
            case "VAR" -> new Uom(Unit.KVAR, THOUSAND);
            case "KVAH" -> new Uom(Unit.KVAH, null);
            case "VAH" -> new Uom(Unit.KVAH, THOUSAND);
            case "V" -> new Uom(Unit.V, null);
            case "A" -> new Uom(Unit.A, null);
            default -> null;
        };
    }

    /** Quality and source of a QualityMethod; null for N (null data) — V is handled by the caller. */
    record QualitySource(int quality, ReadSource source) {
    }

    private static final QualitySource NULL_DATA = new QualitySource(-1, null);

    static QualitySource quality(String method) {
        return switch (method.charAt(0)) {
            case 'A' -> new QualitySource(Quality.VALID, ReadSource.ACTUAL);
            case 'E' -> new QualitySource(Quality.VALID, ReadSource.ESTIMATED);
            case 'S', 'F' -> new QualitySource(Quality.SUBSTITUTED, ReadSource.ESTIMATED);
            case 'N' -> NULL_DATA;
            default -> null;
        };
    }

    /** What a 200 record (or a 250 record) says about the channel its data belongs to. */
    private record Channel(long line, String meterId, Uom uom, int intervalMinutes, FlowDirection direction) {
        int intervalsPerDay() {
            return 1440 / intervalMinutes;
        }
    }

    /** A 300 record with quality V, waiting for its 400 records. */
    private static final class Day {
        final long line;
        final LocalDate date;
        final BigDecimal[] values;
        final QualitySource[] qualities;
        final boolean[] covered;

        Day(long line, LocalDate date, BigDecimal[] values) {
            this.line = line;
            this.date = date;
            this.values = values;
            this.qualities = new QualitySource[values.length];
            this.covered = new boolean[values.length];
        }
    }

    private static final class Run {
        private final CsvRecords records;
        private final ReadingSink sink;
        private CsvRecords.Record lookahead;

        private String format;
        private boolean ended;
        private long endLine;
        private long lastLine;
        private boolean sawData;
        /** The current 200 block; null before the first 200 or after a 250. */
        private Channel channel;
        /** Line of the current 200 record if it was rejected, else 0. */
        private long rejected200;
        /** The current 300 record's line if it was rejected (its 400s go with it), else 0. */
        private long rejected300;
        /** The last accepted 300 record's line (for 400s after a non-V day), else 0. */
        private long accepted300;
        private Day pending;

        Run(CsvRecords records, ReadingSink sink) {
            this.records = records;
            this.sink = sink;
        }

        private CsvRecords.Record next() {
            if (lookahead != null) {
                CsvRecords.Record r = lookahead;
                lookahead = null;
                return r;
            }
            return records.hasNext() ? records.next() : null;
        }

        private CsvRecords.Record peek() {
            if (lookahead == null && records.hasNext()) {
                lookahead = records.next();
            }
            return lookahead;
        }

        private void reject(long line, String reason) {
            sink.reject(new RowError(line, reason));
        }

        void run() {
            CsvRecords.Record first = next();
            if (first == null) {
                reject(1, "empty file: a NEM12/NEM13 file starts with a 100 header record");
                return;
            }
            lastLine = first.line();
            String type = first.fields().get(0);
            if (first.error() != null || !"100".equals(type)) {
                reject(first.line(), "missing 100 header record: the file starts with a '" + type
                        + "' record, a NEM12/NEM13 file must start with 100,NEM12 or 100,NEM13; the file was not read");
                return;
            }
            String version = field(first.fields(), 1).toUpperCase(Locale.ROOT);
            if (!version.equals("NEM12") && !version.equals("NEM13")) {
                reject(first.line(), "100 header names version '" + field(first.fields(), 1)
                        + "', expected NEM12 or NEM13; the file was not read");
                return;
            }
            format = version;
            for (CsvRecords.Record record = next(); record != null; record = next()) {
                lastLine = record.line();
                if (record.error() != null) {
                    closeDay();
                    reject(record.line(), "malformed CSV: " + record.error());
                    continue;
                }
                List<String> fields = record.fields();
                String indicator = fields.get(0);
                if (ended) {
                    reject(record.line(), "record " + indicator + " after the 900 end record on line " + endLine);
                    continue;
                }
                if (!"400".equals(indicator)) {
                    closeDay();
                }
                switch (indicator) {
                    case "100" -> reject(record.line(), "second 100 header record");
                    case "200" -> header200(record.line(), fields);
                    case "300" -> interval300(record.line(), joinBrokenLines(fields));
                    case "400" -> event400(record.line(), fields);
                    case "250" -> register250(record.line(), fields);
                    case "500", "550" -> {
                        // B2B details: not meter data
                    }
                    case "900" -> {
                        ended = true;
                        endLine = record.line();
                        if (!sawData) {
                            reject(record.line(), "the file holds no meter data: no 200 or 250 record before the 900 end record");
                        }
                    }
                    default -> reject(record.line(), "unknown record indicator '" + indicator + "'");
                }
            }
            closeDay();
            if (!ended) {
                reject(lastLine, "the file ends without a 900 end record: it may be truncated");
            }
        }

        /** A 300 record that lacks its QualityMethod continues on the next lines if they hold no record indicator. */
        private List<String> joinBrokenLines(List<String> fields) {
            List<String> joined = fields;
            while (qualityIndex(joined) < 0) {
                CsvRecords.Record more = peek();
                if (more == null || more.error() != null || RECORD_INDICATORS.contains(more.fields().get(0))) {
                    break;
                }
                next();
                lastLine = more.line();
                List<String> merged = new ArrayList<>(joined.subList(0, joined.size() - 1));
                merged.add(joined.get(joined.size() - 1) + more.fields().get(0));
                merged.addAll(more.fields().subList(1, more.fields().size()));
                joined = merged;
            }
            return joined;
        }

        private static int qualityIndex(List<String> fields) {
            for (int i = 2; i < fields.size(); i++) {
                if (QUALITY_METHOD.matcher(fields.get(i)).matches()) {
                    return i;
                }
            }
            return -1;
        }

        private void header200(long line, List<String> fields) {
            sawData = true;
            channel = null;
            rejected200 = line;
            rejected300 = 0;
            accepted300 = 0;
            if (!"NEM12".equals(format)) {
                reject(line, "200 record in a " + format + " file; 200/300/400 records belong in NEM12");
                return;
            }
            if (fields.size() < 9) {
                reject(line, "200 record has " + fields.size() + " fields, needs at least 9 (up to IntervalLength)");
                return;
            }
            String nmi = fields.get(1);
            String suffix = fields.get(4);
            String serial = fields.get(6);
            String uomText = fields.get(7);
            String length = fields.get(8);
            if (nmi.isEmpty()) {
                reject(line, "200 record has no NMI");
                return;
            }
            if (suffix.isEmpty()) {
                reject(line, "200 record has no NMISuffix");
                return;
            }
            Uom uom;
            if (uomText.isEmpty() && suffix.startsWith("V")) {
                uom = new Uom(Unit.V, null);
            } else {
                uom = uom(uomText);
                if (uom == null) {
                    reject(line, "200 record has UOM '" + uomText
                            + "'; accepted: kWh, Wh, kW, W, kVArh, VArh, kVAr, VAr, kVAh, VAh, V, A");
                    return;
                }
            }
            int minutes;
            try {
                minutes = Integer.parseInt(length);
            } catch (NumberFormatException e) {
                reject(line, "200 record has IntervalLength '" + length + "', expected a number of minutes");
                return;
            }
            if (!ReadingType.INTERVAL_MINUTES.contains(minutes)) {
                reject(line, "200 record has IntervalLength " + minutes + ", expected one of " + ReadingType.INTERVAL_MINUTES);
                return;
            }
            String meterId = serial.isEmpty() ? nmi + "-" + suffix : serial;
            FlowDirection direction = suffix.startsWith("B") || suffix.startsWith("K") ? FlowDirection.RECEIVED
                    : FlowDirection.DELIVERED;
            channel = new Channel(line, meterId, uom, minutes, direction);
            rejected200 = 0;
        }

        /** Whether a 300/400 record has a usable 200 block; rejects it otherwise. */
        private boolean inBlock(long line, String indicator) {
            if (rejected200 != 0) {
                reject(line, indicator + " record belongs to the rejected 200 record on line " + rejected200);
                return false;
            }
            if (channel == null) {
                reject(line, indicator + " record without a 200 record before it");
                return false;
            }
            return true;
        }

        private void interval300(long line, List<String> fields) {
            rejected300 = line;
            accepted300 = 0;
            if (!inBlock(line, "300")) {
                return;
            }
            int n = channel.intervalsPerDay();
            LocalDate date = date(field(fields, 1));
            if (date == null) {
                reject(line, "300 record has IntervalDate '" + field(fields, 1) + "', expected CCYYMMDD");
                return;
            }
            int q = qualityIndex(fields);
            if (q < 0) {
                reject(line, "300 record for " + date + " has no QualityMethod (A, E, F, N, S or V)");
                return;
            }
            int count = q - 2;
            if (count != n) {
                reject(line, "300 record for " + date + " has " + count + " interval values, but the 200 record on line "
                        + channel.line() + " has " + channel.intervalMinutes() + "-minute intervals: " + n + " values needed");
                return;
            }
            if (fields.size() < q + 4) {
                reject(line, "300 record for " + date + " is missing fields: it has " + fields.size()
                        + ", needs the date, " + n + " values, QualityMethod, ReasonCode, ReasonDescription and"
                        + " UpdateDateTime (" + (q + 4) + "; MSATSLoadDateTime may be left off)");
                return;
            }
            String method = fields.get(q);
            BigDecimal[] values = new BigDecimal[n];
            for (int i = 0; i < n; i++) {
                String text = fields.get(2 + i);
                try {
                    if (text.isEmpty()) {
                        throw new NumberFormatException();
                    }
                    values[i] = new BigDecimal(text);
                } catch (NumberFormatException e) {
                    reject(line, "interval " + (i + 1) + " of " + date + ": '" + text + "' is not a number");
                }
            }
            rejected300 = 0;
            accepted300 = line;
            Day day = new Day(line, date, values);
            if (method.startsWith("V")) {
                pending = day;
                return;
            }
            QualitySource quality = quality(method);
            java.util.Arrays.fill(day.qualities, quality);
            emit(day);
        }

        private void event400(long line, List<String> fields) {
            if (!inBlock(line, "400")) {
                return;
            }
            int n = channel.intervalsPerDay();
            if (fields.size() < 4) {
                reject(line, "400 record has " + fields.size() + " fields, needs StartInterval, EndInterval and QualityMethod");
                return;
            }
            int start;
            int end;
            try {
                start = Integer.parseInt(fields.get(1));
                end = Integer.parseInt(fields.get(2));
            } catch (NumberFormatException e) {
                reject(line, "400 record has StartInterval '" + fields.get(1) + "' and EndInterval '" + fields.get(2)
                        + "', expected interval numbers");
                return;
            }
            if (start < 1 || end < start || end > n) {
                reject(line, "400 record range " + start + "–" + end + " is outside the " + n + " intervals of a day at "
                        + channel.intervalMinutes() + " minutes (200 record on line " + channel.line() + ")");
                return;
            }
            String method = fields.get(3);
            if (!QUALITY_METHOD.matcher(method).matches() || method.startsWith("V")) {
                reject(line, "400 record has QualityMethod '" + method + "', expected A, E, F, N or S (V is not allowed here)");
                return;
            }
            if (rejected300 != 0) {
                reject(line, "400 record belongs to the rejected 300 record on line " + rejected300);
                return;
            }
            if (pending == null) {
                reject(line, accepted300 == 0 ? "400 record without a 300 record before it"
                        : "400 record follows the 300 record on line " + accepted300 + " whose QualityMethod is not V");
                return;
            }
            for (int i = start - 1; i < end; i++) {
                if (pending.covered[i]) {
                    reject(line, "400 record range " + start + "–" + end + " overlaps an earlier 400 record at interval " + (i + 1));
                    return;
                }
            }
            QualitySource quality = quality(method);
            for (int i = start - 1; i < end; i++) {
                pending.covered[i] = true;
                pending.qualities[i] = quality;
            }
        }

        /** Emits a pending V day once its 400 records are read. */
        private void closeDay() {
            Day day = pending;
            pending = null;
            if (day == null) {
                return;
            }
            int from = -1;
            for (int i = 0; i <= day.values.length; i++) {
                boolean missing = i < day.values.length && !day.covered[i];
                if (missing && from < 0) {
                    from = i;
                } else if (!missing && from >= 0) {
                    reject(day.line, "intervals " + (from + 1) + "–" + i + " of " + day.date
                            + ": the 300 record's QualityMethod is V but no 400 record gives their quality");
                    from = -1;
                }
            }
            emit(day);
        }

        private void emit(Day day) {
            Instant dayStart = day.date.atStartOfDay(MARKET_TIME).toInstant();
            for (int i = 0; i < day.values.length; i++) {
                QualitySource quality = day.qualities[i];
                BigDecimal value = day.values[i];
                if (value == null || quality == null || quality == NULL_DATA) {
                    continue;
                }
                if (channel.uom().divisor() != null) {
                    value = value.divide(channel.uom().divisor());
                }
                Instant end = dayStart.plusSeconds(60L * channel.intervalMinutes() * (i + 1));
                sink.interval(new MeterIntervalRead(day.line, channel.meterId(), channel.uom().unit(),
                        channel.intervalMinutes(), channel.direction(), end, value, quality.quality(), quality.source()));
            }
        }

        private void register250(long line, List<String> fields) {
            sawData = true;
            channel = null;
            rejected200 = 0;
            if (!"NEM13".equals(format)) {
                reject(line, "250 record in a " + format + " file; 250 records belong in NEM13");
                return;
            }
            if (fields.size() < 20) {
                reject(line, "250 record has " + fields.size() + " fields, needs at least 20 (up to UOM)");
                return;
            }
            String nmi = fields.get(1);
            String suffix = fields.get(4);
            String serial = fields.get(6);
            String directionText = fields.get(7);
            if (nmi.isEmpty() || suffix.isEmpty()) {
                reject(line, "250 record has no NMI or no NMISuffix");
                return;
            }
            FlowDirection direction = switch (directionText) {
                case "E" -> FlowDirection.DELIVERED;
                case "I" -> FlowDirection.RECEIVED;
                default -> null;
            };
            if (direction == null) {
                reject(line, "250 record has DirectionIndicator '" + directionText + "', expected E or I");
                return;
            }
            Uom uom = uom(fields.get(19));
            if (uom == null || !uom.unit().accumulating()) {
                reject(line, "250 record has UOM '" + fields.get(19) + "'; accepted: kWh, Wh, kVArh, VArh, kVAh, VAh");
                return;
            }
            String meterId = serial.isEmpty() ? nmi + "-" + suffix : serial;
            register(line, meterId, uom, direction, "previous", fields.get(8), fields.get(9), fields.get(10));
            register(line, meterId, uom, direction, "current", fields.get(13), fields.get(14), fields.get(15));
        }

        private void register(long line, String meterId, Uom uom, FlowDirection direction, String which, String valueText,
                String timeText, String method) {
            if (valueText.isEmpty() && timeText.isEmpty()) {
                return;
            }
            Instant readAt = dateTime(timeText);
            if (readAt == null) {
                reject(line, which + " register read time '" + timeText + "' is not CCYYMMDDhhmmss");
                return;
            }
            BigDecimal value;
            try {
                value = new BigDecimal(valueText);
            } catch (NumberFormatException e) {
                reject(line, which + " register read '" + valueText + "' is not a number");
                return;
            }
            if (!QUALITY_METHOD.matcher(method).matches() || method.startsWith("V")) {
                reject(line, which + " register read has QualityMethod '" + method + "', expected A, E, F, N or S");
                return;
            }
            QualitySource quality = quality(method);
            if (quality == NULL_DATA) {
                return;
            }
            if (uom.divisor() != null) {
                value = value.divide(uom.divisor());
            }
            sink.register(new MeterRegisterRead(line, meterId, uom.unit(), direction, readAt, value, quality.quality(),
                    quality.source()));
        }
    }

    private static String field(List<String> fields, int index) {
        return index < fields.size() ? fields.get(index) : "";
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** CCYYMMDDhhmmss (or CCYYMMDDhhmm) in market time. */
    private static Instant dateTime(String text) {
        try {
            DateTimeFormatter format = text.length() == 12 ? DATE_TIME_12 : DATE_TIME_14;
            return LocalDateTime.parse(text, format).toInstant(MARKET_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
