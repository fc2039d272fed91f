package org.openmdms.demo.control;

import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.Unit;
import org.openmdms.reading.control.CmepWriter;
import org.openmdms.reading.control.MeterIntervalRead;
import org.openmdms.reading.entity.ReadSource;

/**
 * Synthetic interval reads for the demo fleet, written as a CMEP file (local times in UTC, the
 * importer's default CMEP zone) for the normal file import: daily load shapes by customer class in
 * London time (households with morning and evening peaks, shops and offices in business hours,
 * industry on shifts, gas and water hourly), each meter with its own size and noise, and — so that
 * validation has something to find — a few anomalies: 1 in 50 households misses two hours, 1 in 80
 * has a spike, 1 in 150 reads zero all day. Seeded: every demo gets the same reads.
 *
 * <p>Only delivered interval channels are written (CMEP carries no direction; register channels
 * have their own reads). The meters exchanged during 2013 report under their new serial.
 */
public final class DemoFleetReads {

    /** The demo's first fleet day: the autumn DST change in London (a 25-hour day: 50 half-hours, 100 quarter-hours). */
    public static final LocalDate FIRST_DAY = LocalDate.of(2013, 10, 27);

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final List<DemoFleet.Member> members;

    public DemoFleetReads(List<DemoFleet.Member> members) {
        this.members = members;
    }

    /** Writes {@code days} London days from {@code first} for every member. */
    public void write(Writer out, LocalDate first, int days) {
        CmepWriter cmep = new CmepWriter(out, ZoneOffset.UTC, "DEMO-HES", "OPENMDMS", Instant.parse("2013-11-01T00:00:00Z"));
        Instant from = first.atStartOfDay(LONDON).toInstant();
        Instant to = first.plusDays(days).atStartOfDay(LONDON).toInstant();
        for (DemoFleet.Member member : members) {
            Random random = new Random(member.number());
            double size = 0.5 + random.nextDouble() * 1.3;
            Anomaly anomaly = Anomaly.of(member, random);
            for (String channel : member.channels().split(";")) {
                String[] type = channel.split(":");
                if (!"DELIVERED".equals(type[2]) || "REG".equals(type[1])) {
                    continue;
                }
                Unit unit = Unit.valueOf(type[0]);
                int minutes = Integer.parseInt(type[1]);
                Random noise = new Random(member.number() * 31L + unit.ordinal());
                for (Instant end = from.plusSeconds(60L * minutes); !end.isAfter(to); end = end.plusSeconds(60L * minutes)) {
                    Instant start = end.minusSeconds(60L * minutes);
                    if (anomaly.gapCovers(start)) {
                        continue;
                    }
                    double value = anomaly.apply(start, energy(member, unit, minutes, start, size, noise));
                    cmep.write(new MeterIntervalRead(0, member.serialAtYearEnd(), unit, minutes, FlowDirection.DELIVERED,
                            end, BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP), 0, ReadSource.ACTUAL));
                }
                cmep.flush();
            }
        }
    }

    /** The value of one interval starting at {@code start}, in the unit's engineering units. */
    private static double energy(DemoFleet.Member member, Unit unit, int minutes, Instant start, double size, Random noise) {
        ZonedDateTime local = start.atZone(LONDON);
        double hour = local.getHour() + local.getMinute() / 60.0;
        boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
        double jitter = 0.85 + noise.nextDouble() * 0.3;
        double perHour = switch (member.commodity()) {
            case "GAS" -> 0.05 + (peak(hour, 7, 1.5) + peak(hour, 18.5, 2.5)) * 0.6;
            case "WATER" -> 0.004 + (peak(hour, 7.5, 1) + peak(hour, 20, 1.5)) * 0.03;
            default -> electricity(member.customerClass(), hour, weekend);
        };
        double kwh = perHour * size * jitter * minutes / 60.0;
        return switch (unit) {
            case KW -> kwh * 60.0 / minutes;
            case KVARH -> kwh * 0.32;
            default -> kwh;
        };
    }

    /** kWh per hour by customer class at a local hour of the day. */
    private static double electricity(String customerClass, double hour, boolean weekend) {
        return switch (customerClass) {
            case "COMMERCIAL" -> weekend || hour < 7.5 || hour >= 19 ? 2.0 : 9.0 + 2.0 * peak(hour, 13, 3);
            case "INDUSTRIAL" -> (weekend ? 40.0 : hour >= 6 && hour < 22 ? 180.0 : 90.0);
            default -> 0.25 + 0.6 * peak(hour, 7.5, 1.2) + 1.2 * peak(hour, 19, 2.0);
        };
    }

    /** A bell around {@code at} hours, {@code width} hours wide, peaking at 1. */
    private static double peak(double hour, double at, double width) {
        double d = (hour - at) / width;
        return Math.exp(-d * d);
    }

    /** What is wrong with one meter's data, if anything. */
    private record Anomaly(Kind kind, Instant at) {

        enum Kind { NONE, GAP, SPIKE, ZERO_DAY }

        static Anomaly of(DemoFleet.Member member, Random random) {
            Instant at = FIRST_DAY.atTime(10 + random.nextInt(8), 0).atZone(LONDON).toInstant()
                    .plusSeconds(86_400L * random.nextInt(2));
            if (!"ELECTRIC".equals(member.commodity()) || !"RESIDENTIAL".equals(member.customerClass())) {
                return new Anomaly(Kind.NONE, at);
            }
            if (member.number() % 50 == 7) {
                return new Anomaly(Kind.GAP, at);
            }
            if (member.number() % 80 == 13) {
                return new Anomaly(Kind.SPIKE, at);
            }
            return new Anomaly(member.number() % 150 == 21 ? Kind.ZERO_DAY : Kind.NONE, at);
        }

        boolean gapCovers(Instant start) {
            return kind == Kind.GAP && !start.isBefore(at) && start.isBefore(at.plusSeconds(7200));
        }

        double apply(Instant start, double value) {
            return switch (kind) {
                case SPIKE -> start.equals(at) ? value * 25 : value;
                case ZERO_DAY -> start.atZone(LONDON).toLocalDate().equals(at.atZone(LONDON).toLocalDate()) ? 0 : value;
                default -> value;
            };
        }
    }
}
