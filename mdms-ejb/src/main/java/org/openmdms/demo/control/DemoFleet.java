package org.openmdms.demo.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.openmdms.meter.control.RegistryCsv;

/**
 * A synthetic fleet around the Low Carbon London households: usage points on three substations'
 * feeders and transformers, mostly residential electricity with commercial, industrial, gas and
 * water customers mixed in, written as a registry import file. Seeded, so every demo is the same.
 */
public final class DemoFleet {

    public static final String[] SUBSTATIONS = {"NTH", "EST", "STH"};
    public static final int FEEDERS_PER_SUBSTATION = 4;
    public static final int TRANSFORMERS_PER_FEEDER = 10;

    /** Every n-th electric meter of the fleet is exchanged during 2013 (see the demo loader). */
    public static final int EXCHANGE_EVERY = 40;

    /**
     * One usage point of the fleet as the registry file describes it.
     *
     * @param number 1, 2, … in the order of the file (UP-100001 is number 1)
     * @param channels as the registry file writes them, e.g. {@code KWH:15:DELIVERED;KW:15:DELIVERED}
     * @param serviceCapacityKw as the registry file writes it; null for gas and water
     */
    public record Member(int number, String code, String commodity, String customerClass, String serial,
            String channels, String serviceCapacityKw, String feeder, String transformer) {

        /** The serial of the meter installed at the end of 2013: the new one where the meter was exchanged. */
        public String serialAtYearEnd() {
            return isExchanged() ? exchangeSerial(number) : serial;
        }

        public boolean isExchanged() {
            return number % EXCHANGE_EVERY == 0 && "ELECTRIC".equals(commodity);
        }
    }

    private DemoFleet() {
    }

    /** The serial of the meter that replaces meter number {@code number} of the fleet. */
    public static String exchangeSerial(int number) {
        return "EM" + (30_000_000 + number);
    }

    /** The {@code size} usage points UP-100001 onwards, as {@link #registryCsv} writes them. */
    public static List<Member> members(int size) {
        List<Member> members = new ArrayList<>(size);
        String[] lines = registryCsv(size).split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
            String capacity = fields[column("service_capacity_kw")];
            members.add(new Member(i, fields[column("usage_point_id")], fields[column("commodity")],
                    fields[column("customer_class")], fields[column("meter_serial")], fields[column("channels")],
                    capacity.isEmpty() ? null : capacity, fields[column("feeder")], fields[column("transformer")]));
        }
        return members;
    }

    /** The registry file for {@code size} usage points UP-100001 onwards. */
    public static String registryCsv(int size) {
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder(String.join(",", RegistryCsv.COLUMNS)).append('\n');
        for (int i = 1; i <= size; i++) {
            int substation = random.nextInt(SUBSTATIONS.length);
            int feederNo = 1 + random.nextInt(FEEDERS_PER_SUBSTATION);
            String feeder = SUBSTATIONS[substation] + "-F" + two(feederNo);
            String transformer = feeder + "-T" + two(1 + random.nextInt(TRANSFORMERS_PER_FEEDER));
            double roll = random.nextDouble();
            String commodity = roll < 0.80 ? "ELECTRIC" : roll < 0.94 ? "GAS" : "WATER";
            double classRoll = random.nextDouble();
            String customerClass = classRoll < 0.85 ? "RESIDENTIAL" : classRoll < 0.97 ? "COMMERCIAL" : "INDUSTRIAL";
            // Feeders fan out from their substation: north, east or south of central London.
            double lat = 51.51 + (substation == 0 ? 0.06 : substation == 2 ? -0.07 : 0.0)
                    + (feederNo - 2.5) * 0.01 + random.nextGaussian() * 0.008;
            double lon = -0.12 + (substation == 1 ? 0.12 : 0.0) + random.nextGaussian() * 0.02;
            String serial = serialPrefix(commodity) + String.format(Locale.ROOT, "%08d", 20_000_000 + i);
            String installed = String.format(Locale.ROOT, "%d-%02d-%02d", 2010 + random.nextInt(3),
                    1 + random.nextInt(12), 1 + random.nextInt(28));
            String street = STREETS[random.nextInt(STREETS.length)];
            csv.append(String.join(",",
                    "UP-" + (100_000 + i),
                    commodity,
                    customerClass,
                    "Europe/London",
                    "ACC-" + (500_000 + random.nextInt(400_000)),
                    "\"" + (1 + random.nextInt(240)) + " " + street + ", London\"",
                    feeder,
                    transformer,
                    String.format(Locale.ROOT, "%.6f", lat),
                    String.format(Locale.ROOT, "%.6f", lon),
                    serviceCapacityKw(commodity, customerClass),
                    serial,
                    manufacturer(commodity, random),
                    model(commodity, customerClass),
                    "INDUSTRIAL".equals(customerClass) && "ELECTRIC".equals(commodity) ? "40" : "1",
                    installed,
                    channels(commodity, customerClass, random)))
                    .append('\n');
        }
        return csv.toString();
    }

    private static int column(String name) {
        return RegistryCsv.COLUMNS.indexOf(name);
    }

    /**
     * What the connection can carry, in kW, so that VEE's max-demand rule judges the fleet: a house on
     * a 60-100 A single-phase fuse (14-23 kW; the lower end taken), a shop or office on 100 A three-phase
     * (about 70 kW), a plant on a 500 kVA transformer. The fleet's loads stay below these (households
     * up to about 3 kW, shops 23 kW, plants 375 kW); only a household's spike can go above.
     */
    private static String serviceCapacityKw(String commodity, String customerClass) {
        if (!"ELECTRIC".equals(commodity)) {
            return "";
        }
        return switch (customerClass) {
            case "RESIDENTIAL" -> "15";
            case "COMMERCIAL" -> "70";
            default -> "500";
        };
    }

    private static String channels(String commodity, String customerClass, Random random) {
        if (!"ELECTRIC".equals(commodity)) {
            return "M3:60:DELIVERED";
        }
        return switch (customerClass) {
            case "RESIDENTIAL" -> random.nextDouble() < 0.1 ? "KWH:30:DELIVERED;KWH:30:RECEIVED" : "KWH:30:DELIVERED";
            case "COMMERCIAL" -> "KWH:15:DELIVERED;KW:15:DELIVERED;KVARH:15:DELIVERED";
            default -> "KWH:15:DELIVERED;KW:15:DELIVERED;KVARH:15:DELIVERED;KWH:REG:DELIVERED";
        };
    }

    private static String serialPrefix(String commodity) {
        return switch (commodity) {
            case "GAS" -> "GM";
            case "WATER" -> "WM";
            default -> "EM";
        };
    }

    private static String manufacturer(String commodity, Random random) {
        return switch (commodity) {
            case "GAS" -> "Itron";
            case "WATER" -> "Kamstrup";
            default -> random.nextBoolean() ? "Landis+Gyr" : "Itron";
        };
    }

    private static String model(String commodity, String customerClass) {
        return switch (commodity) {
            case "GAS" -> "Gallus";
            case "WATER" -> "flowIQ 2200";
            default -> "RESIDENTIAL".equals(customerClass) ? "E470" : "E650";
        };
    }

    private static String two(int n) {
        return String.format(Locale.ROOT, "%02d", n);
    }

    private static final String[] STREETS = {"High Street", "Station Road", "Church Lane", "Victoria Road",
        "Green Lane", "Manor Road", "Park Road", "Queens Road", "Kings Road", "Mill Lane", "The Avenue",
        "Grange Road", "New Road", "London Road", "Albert Road", "York Road", "Springfield Road", "Chapel Street"};
}
