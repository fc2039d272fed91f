package org.openmdms.meter.control;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.openmdms.meter.boundary.ChannelData;
import org.openmdms.meter.boundary.MeterData;
import org.openmdms.meter.boundary.UsagePointData;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.CustomerClass;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.ReadingType;
import org.openmdms.meter.entity.Unit;

/**
 * The registry file of the CIS / asset-system sync (docs/registry-import.md): a header row naming
 * the columns, then one row per usage point. Each row becomes a {@link RegistryRow} or a
 * {@link RowError} with its line and reason; one bad row never stops the others.
 */
public final class RegistryCsv {

    public static final List<String> COLUMNS = List.of("usage_point_id", "commodity", "customer_class",
            "time_zone", "account_id", "premise_address", "feeder", "transformer", "latitude", "longitude",
            "service_capacity_kw", "meter_serial", "meter_manufacturer", "meter_model", "meter_multiplier", "installed_from", "channels");
    static final Set<String> REQUIRED = Set.of("usage_point_id", "commodity", "customer_class", "time_zone");

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private RegistryCsv() {
    }

    /**
     * Reads the whole file, handing each row or error on as it is read. A file without a usable
     * header row is refused whole ({@link RegistryFileRefused}), since no row could be read right.
     */
    public static void read(BufferedReader reader, Consumer<RegistryRow> rows, Consumer<RowError> errors) {
        CsvRecords records = new CsvRecords(reader);
        if (!records.hasNext()) {
            throw new RegistryFileRefused("The file is empty: expected a header row naming the columns, at least "
                    + REQUIRED.stream().sorted().toList());
        }
        CsvRecords.Record header = records.next();
        Map<String, Integer> index = new HashMap<>();
        List<String> duplicate = new ArrayList<>();
        for (int i = 0; i < header.fields().size(); i++) {
            if (index.put(header.fields().get(i).strip().toLowerCase(Locale.ROOT), i) != null) {
                duplicate.add(header.fields().get(i).strip());
            }
        }
        List<String> unknown = index.keySet().stream().filter(c -> !COLUMNS.contains(c)).sorted().toList();
        List<String> missing = REQUIRED.stream().filter(c -> !index.containsKey(c)).sorted().toList();
        if (header.error() != null || !missing.isEmpty() || !unknown.isEmpty() || !duplicate.isEmpty()) {
            throw new RegistryFileRefused("Line " + header.line() + ", the header row: "
                    + (header.error() != null ? header.error()
                    : !missing.isEmpty() ? "missing columns " + missing
                    : !duplicate.isEmpty() ? "columns named twice " + duplicate
                    : "unknown columns " + unknown + " (known: " + COLUMNS + ")")
                    + ". Nothing was imported.");
        }
        while (records.hasNext()) {
            CsvRecords.Record record = records.next();
            if (record.error() != null) {
                errors.accept(new RowError(record.line(), record.error()));
                continue;
            }
            if (record.fields().size() != header.fields().size()) {
                errors.accept(new RowError(record.line(), "has " + record.fields().size() + " fields, the header has "
                        + header.fields().size()));
                continue;
            }
            try {
                rows.accept(row(record, index));
            } catch (IllegalArgumentException | DateTimeException e) {
                errors.accept(new RowError(record.line(), e.getMessage()));
            }
        }
    }

    static RegistryRow row(CsvRecords.Record record, Map<String, Integer> index) {
        Fields f = new Fields(record.fields(), index);
        Commodity commodity = commodity(f.get("commodity"));
        ZoneId zone = zone(f.get("time_zone"));
        UsagePointData usagePoint = new UsagePointData(f.get("usage_point_id"), commodity,
                enumValue(CustomerClass.class, "customer_class", f.get("customer_class")), zone.getId(),
                f.get("account_id"), f.get("premise_address"), f.get("feeder"), f.get("transformer"),
                decimal("latitude", f.get("latitude")), decimal("longitude", f.get("longitude")),
                serviceCapacity(f.get("service_capacity_kw")));
        check(usagePoint);
        MeterData meter = null;
        Instant installedFrom = null;
        if (f.get("meter_serial") != null) {
            meter = new MeterData(f.get("meter_serial"), f.get("meter_manufacturer"), f.get("meter_model"), commodity,
                    decimal("meter_multiplier", f.get("meter_multiplier")), null, null);
            check(meter);
            installedFrom = instant(f.get("installed_from"), zone);
        }
        List<ChannelData> channels = channels(f.get("channels"));
        channels.forEach(RegistryCsv::check);
        return new RegistryRow(record.line(), usagePoint, meter, installedFrom, channels, index.keySet());
    }

    private static void check(Object data) {
        Set<? extends ConstraintViolation<?>> violations = VALIDATOR.validate(data);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(violations.stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
    }

    static Commodity commodity(String text) {
        if (text == null) {
            throw new IllegalArgumentException("commodity is required");
        }
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "E" -> Commodity.ELECTRIC;
            case "G" -> Commodity.GAS;
            case "W" -> Commodity.WATER;
            case "H" -> Commodity.HEAT;
            default -> enumValue(Commodity.class, "commodity", text);
        };
    }

    static ZoneId zone(String text) {
        if (text == null) {
            throw new IllegalArgumentException("time_zone is required");
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("time_zone '" + text + "' is not an IANA zone such as Europe/London");
        }
    }

    /** An instant with offset (2013-01-01T00:00:00Z), or a local date / date-time in the usage point's zone. */
    static Instant instant(String text, ZoneId zone) {
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("installed_from '" + text
                    + "' is not a date (2013-01-31), local date-time (2013-01-31T08:00) or instant (2013-01-31T08:00:00Z)");
        }
    }

    /**
     * Channels as {@code UNIT:MINUTES:DIRECTION} separated by ';', e.g. {@code KWH:30:DELIVERED;KWH:REG:DELIVERED};
     * {@code REG} marks a register. An optional fourth part is the multiplier.
     */
    static List<ChannelData> channels(String text) {
        List<ChannelData> channels = new ArrayList<>();
        if (text == null) {
            return channels;
        }
        for (String spec : text.split(";")) {
            if (spec.isBlank()) {
                continue;
            }
            String[] parts = spec.strip().split(":");
            if (parts.length < 3 || parts.length > 4) {
                throw new IllegalArgumentException("channel '" + spec.strip()
                        + "' is not UNIT:MINUTES:DIRECTION (e.g. KWH:30:DELIVERED, KWH:REG:RECEIVED)");
            }
            Integer minutes = null;
            if (!"REG".equalsIgnoreCase(parts[1])) {
                try {
                    minutes = Integer.valueOf(parts[1]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("channel '" + spec.strip() + "': interval '" + parts[1]
                            + "' is not a number of minutes or REG");
                }
                if (!ReadingType.INTERVAL_MINUTES.contains(minutes)) {
                    throw new IllegalArgumentException("channel '" + spec.strip() + "': interval must be one of "
                            + ReadingType.INTERVAL_MINUTES + " minutes");
                }
            }
            channels.add(new ChannelData(enumValue(Unit.class, "channel unit", parts[0]), minutes,
                    enumValue(FlowDirection.class, "channel direction", parts[2]),
                    parts.length == 4 ? decimal("channel multiplier", parts[3]) : null));
        }
        return channels;
    }

    static BigDecimal decimal(String column, String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + text + "' is not a number");
        }
    }

    /** kW, more than 0; said here with the column and value, before the data's own validation. */
    static BigDecimal serviceCapacity(String text) {
        BigDecimal kw = decimal("service_capacity_kw", text);
        if (kw != null && kw.signum() <= 0) {
            throw new IllegalArgumentException("service_capacity_kw '" + text + "' must be more than 0 (kW)");
        }
        return kw;
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String column, String text) {
        if (text == null) {
            throw new IllegalArgumentException(column + " is required");
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            throw new IllegalArgumentException(column + " '" + text + "' is not one of " + allowed);
        }
    }

    /** The fields of one row by column name; empty fields and absent columns read as null. */
    private record Fields(List<String> values, Map<String, Integer> index) {

        String get(String column) {
            Integer i = index.get(column);
            if (i == null) {
                return null;
            }
            String value = values.get(i);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
