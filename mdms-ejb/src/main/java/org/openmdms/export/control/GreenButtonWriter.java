package org.openmdms.export.control;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.ReadingType;
import org.openmdms.meter.entity.Unit;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;
import org.openmdms.reading.store.StoredInterval;

/**
 * Writes one usage point's interval reads as a Green Button (NAESB ESPI 4.0) Atom feed, streamed with
 * StAX: the UsagePoint, its LocalTimeParameters, then per channel a MeterReading, its ReadingType
 * and one IntervalBlock per local day, and a UsageSummary. Call {@link #begin}, then
 * {@link #meterReading} per channel, optionally {@link #usageSummary}, then {@link #end}.
 *
 * <p>Every resource's {@code id} is a name-based UUID of its self link, so exporting the same
 * usage point again gives the same ids. Links follow the ESPI resource paths
 * ({@code /espi/1_1/resource/UsagePoint/{code}/MeterReading/{channel}/IntervalBlock/{day}}); the
 * CMD tests check that they refer to each other, which is what a receiver walks.
 *
 * <p>Values: the channel's engineering unit (kWh, kW, …) becomes the ESPI base unit (Wh, W, …:
 * × 1000) and is written as an integer with the ReadingType's {@code powerOfTenMultiplier} — the
 * smallest that keeps every value of the channel exact (0 for whole Wh, −3 at most for the six
 * decimals of a stored kWh value). An interval belongs to the local day in which it starts; a
 * block's {@code interval} runs from its first reading's start to its last reading's end, so a
 * DST day's block is 23 or 25 hours long and a day with a gap at midnight still starts where its
 * first reading does (CMD test D042).
 *
 * <p>Quality (ReadingQuality, only where known): edited → 7 (manually edited); estimated by
 * linear interpolation → 9; any other estimate (like day, or estimated / substituted by the sender)
 * → 8; questionable flag → 10. Actual reads without flags carry none.
 */
public final class GreenButtonWriter implements AutoCloseable {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String ESPI = "http://naesb.org/espi";
    static final String RESOURCE = "/espi/1_1/resource";

    /** ESPI QualityOfReading codes written. */
    static final int MANUALLY_EDITED = 7;
    static final int ESTIMATED_REFERENCE_DAY = 8;
    static final int ESTIMATED_LINEAR = 9;
    static final int QUESTIONABLE = 10;
    static final int MIXED = 13;
    static final int RAW = 14;

    private static final long MAX_INT48 = (1L << 47) - 1;

    private final XMLStreamWriter xml;
    private final String updated;
    private String usagePointHref;
    private ZoneId zone;

    /** @param updated written as the feed's and every entry's published and updated time */
    public GreenButtonWriter(OutputStream out, Instant updated) {
        try {
            this.xml = XMLOutputFactory.newFactory().createXMLStreamWriter(Objects.requireNonNull(out), "UTF-8");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        this.updated = updated.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The ESPI code of a commodity's reading types (CommodityKind). */
    static int commodityKind(Commodity commodity) {
        return switch (commodity) {
            case ELECTRIC -> 1; // electricity, secondary metered
            case GAS -> 7; // natural gas
            case WATER -> 9; // potable water
            case HEAT -> 12; // heating fluid
        };
    }

    /** The ESPI code of a usage point's service (ServiceKind). */
    static int serviceKind(Commodity commodity) {
        return switch (commodity) {
            case ELECTRIC -> 0;
            case GAS -> 1;
            case WATER -> 2;
            case HEAT -> 4;
        };
    }

    /** ESPI uom, measurement kind and the factor from the engineering unit to the ESPI unit. */
    record EspiUnit(int uom, int kind, int factor) {
        static EspiUnit of(Unit unit) {
            return switch (unit) {
                case KWH -> new EspiUnit(72, 12, 1000); // Wh, energy
                case KW -> new EspiUnit(38, 8, 1000); // W, demand
                case KVARH -> new EspiUnit(73, 12, 1000); // VArh, energy
                case KVAR -> new EspiUnit(63, 37, 1000); // VAr, power
                case KVAH -> new EspiUnit(71, 12, 1000); // VAh, energy
                case V -> new EspiUnit(29, 54, 1); // V, voltage
                case A -> new EspiUnit(5, 4, 1); // A, current
                case M3 -> new EspiUnit(42, 58, 1); // m³, volume
                case THERM -> new EspiUnit(169, 12, 1); // therm, energy
            };
        }
    }

    static int flowDirection(FlowDirection direction) {
        return switch (direction) {
            case DELIVERED -> 1; // forward
            case RECEIVED -> 19; // reverse
            case NET -> 4; // net
        };
    }

    /** The feed's head, the UsagePoint and its LocalTimeParameters. */
    public void begin(String usagePointCode, Commodity commodity, ZoneId zone, LocalDate from, LocalDate to) {
        this.zone = zone;
        this.usagePointHref = RESOURCE + "/UsagePoint/" + segment(usagePointCode);
        String timeHref = RESOURCE + "/LocalTimeParameters/" + segment(usagePointCode);
        try {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            String feedHref = usagePointHref + "/GreenButton/" + from + "/" + to;
            text("id", urn(feedHref));
            text("title", "Green Button data of usage point " + usagePointCode + ", " + from + " to " + to
                    + " (local days, end exclusive)");
            text("updated", updated);
            link("self", feedHref);

            startEntry(usagePointHref, RESOURCE + "/UsagePoint", "Usage point " + usagePointCode,
                    List.of(usagePointHref + "/MeterReading", usagePointHref + "/UsageSummary", timeHref));
            startContent("UsagePoint");
            xml.writeStartElement(ESPI, "ServiceCategory");
            text(ESPI, "kind", serviceKind(commodity));
            xml.writeEndElement();
            endEntry();

            startEntry(timeHref, RESOURCE + "/LocalTimeParameters", "Local time of " + zone.getId(), List.of());
            startContent("LocalTimeParameters");
            LocalTimeParameters time = LocalTimeParameters.of(zone, from);
            text(ESPI, "dstEndRule", time.dstEndRule());
            text(ESPI, "dstOffset", time.dstOffset());
            text(ESPI, "dstStartRule", time.dstStartRule());
            text(ESPI, "tzOffset", time.tzOffset());
            endEntry();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One channel: its MeterReading, ReadingType and a block per local day. A channel without reads
     * writes nothing (a MeterReading must have blocks, CMD test D025). Reads in time order.
     */
    public void meterReading(long channelId, ReadingType type, Commodity commodity, List<StoredInterval> reads) {
        if (reads.isEmpty()) {
            return;
        }
        if (type.isRegister()) {
            throw new IllegalArgumentException("Channel " + channelId + " holds register reads, not intervals");
        }
        EspiUnit unit = EspiUnit.of(type.unit());
        int scale = 0;
        for (StoredInterval read : reads) {
            scale = Math.max(scale, base(read.value(), unit).stripTrailingZeros().scale());
        }
        String readingHref = usagePointHref + "/MeterReading/" + channelId;
        String blocksHref = readingHref + "/IntervalBlock";
        String typeHref = RESOURCE + "/ReadingType/" + channelId;
        long seconds = 60L * type.intervalMinutes();
        try {
            startEntry(readingHref, usagePointHref + "/MeterReading", type.label() + " (channel " + channelId + ")",
                    List.of(blocksHref, typeHref));
            startContent("MeterReading");
            endEntry();

            startEntry(typeHref, RESOURCE + "/ReadingType", type.label(), List.of());
            startContent("ReadingType");
            text(ESPI, "accumulationBehaviour", type.unit().accumulating() ? 4 : 6); // deltaData : indicating
            text(ESPI, "commodity", commodityKind(commodity));
            text(ESPI, "flowDirection", flowDirection(type.flowDirection()));
            text(ESPI, "intervalLength", seconds);
            text(ESPI, "kind", unit.kind());
            text(ESPI, "phase", 0); // not known per channel
            text(ESPI, "powerOfTenMultiplier", -scale);
            text(ESPI, "timeAttribute", 0);
            text(ESPI, "uom", unit.uom());
            endEntry();

            int i = 0;
            while (i < reads.size()) {
                LocalDate day = start(reads.get(i), seconds).atZone(zone).toLocalDate();
                int j = i;
                while (j < reads.size() && start(reads.get(j), seconds).atZone(zone).toLocalDate().equals(day)) {
                    j++;
                }
                block(blocksHref, day, reads.subList(i, j), seconds, unit, scale);
                i = j;
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private void block(String blocksHref, LocalDate day, List<StoredInterval> reads, long seconds, EspiUnit unit,
            int scale) throws XMLStreamException {
        Instant first = start(reads.get(0), seconds);
        Instant last = reads.get(reads.size() - 1).intervalEnd();
        startEntry(blocksHref + "/" + day.toString().replace("-", ""), blocksHref, "Intervals of " + day, List.of());
        startContent("IntervalBlock");
        interval("interval", last.getEpochSecond() - first.getEpochSecond(), first.getEpochSecond());
        for (StoredInterval read : reads) {
            xml.writeStartElement(ESPI, "IntervalReading");
            for (int quality : qualities(read.quality(), read.source())) {
                xml.writeStartElement(ESPI, "ReadingQuality");
                text(ESPI, "quality", quality);
                xml.writeEndElement();
            }
            interval("timePeriod", seconds, start(read, seconds).getEpochSecond());
            text(ESPI, "value", integer(base(read.value(), unit), scale));
            xml.writeEndElement();
        }
        endEntry();
    }

    /**
     * The UsageSummary of the exported range (its "billing period"): consumption over the range and
     * over the range of equal length before it, in the same unit and multiplier rules as the reads.
     *
     * @param quality ESPI QualityOfReading of the range as a whole ({@link #summaryQuality})
     */
    public void usageSummary(Instant start, Instant end, BigDecimal kwh, Instant lastReadEnd, BigDecimal previousKwh,
            int quality, Instant status) {
        EspiUnit unit = EspiUnit.of(Unit.KWH);
        String href = usagePointHref + "/UsageSummary/1";
        try {
            startEntry(href, usagePointHref + "/UsageSummary", "Usage summary", List.of());
            startContent("UsageSummary");
            interval("billingPeriod", end.getEpochSecond() - start.getEpochSecond(), start.getEpochSecond());
            measurement("overallConsumptionLastPeriod", unit, previousKwh, null);
            measurement("currentBillingPeriodOverAllConsumption", unit, kwh, lastReadEnd);
            text(ESPI, "qualityOfReading", quality);
            text(ESPI, "statusTimeStamp", status.getEpochSecond());
            text(ESPI, "commodity", commodityKind(Commodity.ELECTRIC));
            endEntry();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Raw (14) when every read summed was actual without flags, mixed (13) otherwise. */
    public static int summaryQuality(boolean allActual) {
        return allActual ? RAW : MIXED;
    }

    private void measurement(String name, EspiUnit unit, BigDecimal value, Instant timeStamp) throws XMLStreamException {
        BigDecimal base = base(value, unit);
        int scale = Math.max(0, base.stripTrailingZeros().scale());
        xml.writeStartElement(ESPI, name);
        text(ESPI, "powerOfTenMultiplier", -scale);
        if (timeStamp != null) {
            text(ESPI, "timeStamp", timeStamp.getEpochSecond());
        }
        text(ESPI, "uom", unit.uom());
        text(ESPI, "value", integer(base, scale));
        xml.writeEndElement();
    }

    /** Closes the feed. */
    public void end() {
        try {
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ESPI quality codes of a read; empty for an actual read without flags. */
    static List<Integer> qualities(int quality, ReadSource source) {
        List<Integer> codes = new ArrayList<>(2);
        if (source == ReadSource.EDITED) {
            codes.add(MANUALLY_EDITED);
        } else if (source == ReadSource.ESTIMATED) {
            String method = Quality.estimationMethod(quality);
            codes.add(method != null && method.startsWith("linear-interpolation") ? ESTIMATED_LINEAR
                    : ESTIMATED_REFERENCE_DAY);
        }
        if (Quality.has(quality, Quality.QUESTIONABLE)) {
            codes.add(QUESTIONABLE);
        }
        return codes;
    }

    private static Instant start(StoredInterval read, long seconds) {
        return read.intervalEnd().minusSeconds(seconds);
    }

    private static BigDecimal base(BigDecimal value, EspiUnit unit) {
        return value.multiply(BigDecimal.valueOf(unit.factor()));
    }

    private static long integer(BigDecimal base, int scale) {
        long value = base.movePointRight(scale).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        if (Math.abs(value) > MAX_INT48) {
            throw new IllegalArgumentException("Value " + base + " does not fit ESPI's 48-bit integer");
        }
        return value;
    }

    private void startEntry(String self, String up, String title, List<String> related) throws XMLStreamException {
        xml.writeStartElement(ATOM, "entry");
        text("id", urn(self));
        link("self", self);
        link("up", up);
        for (String href : related) {
            link("related", href);
        }
        text("title", title);
    }

    /** Opens content and the ESPI resource in it (closed by {@link #endEntry}). */
    private void startContent(String resource) throws XMLStreamException {
        xml.writeStartElement(ATOM, "content");
        xml.writeStartElement("", resource, ESPI);
        xml.writeDefaultNamespace(ESPI);
    }

    private void endEntry() throws XMLStreamException {
        xml.writeEndElement(); // resource
        xml.writeEndElement(); // content
        text("published", updated);
        text("updated", updated);
        xml.writeEndElement(); // entry
    }

    private void interval(String name, long duration, long start) throws XMLStreamException {
        xml.writeStartElement(ESPI, name);
        text(ESPI, "duration", duration);
        text(ESPI, "start", start);
        xml.writeEndElement();
    }

    private void link(String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement(ATOM, "link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }

    private void text(String name, String value) throws XMLStreamException {
        text(ATOM, name, value);
    }

    private void text(String namespace, String name, Object value) throws XMLStreamException {
        xml.writeStartElement(namespace, name);
        xml.writeCharacters(String.valueOf(value));
        xml.writeEndElement();
    }

    private static String urn(String href) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("openmdms:" + href).getBytes(StandardCharsets.UTF_8));
    }

    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * ESPI LocalTimeParameters of a zone: standard offset, DST offset and the bit-encoded rules of
     * the zone's recurring transitions (time = local wall-clock time before the change, as in the
     * North American sample: second Sunday of March 02:00 = {@code 360E2000}). A zone without
     * recurring DST gets the "disabled" rule {@code FFFFFFFF} and offset 0.
     */
    record LocalTimeParameters(String dstStartRule, String dstEndRule, long dstOffset, long tzOffset) {

        static final String DISABLED = "FFFFFFFF";

        static LocalTimeParameters of(ZoneId zone, LocalDate day) {
            ZoneRules rules = zone.getRules();
            Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            long standard = rules.getStandardOffset(at).getTotalSeconds();
            List<ZoneOffsetTransitionRule> transitions = rules.getTransitionRules();
            if (transitions.size() != 2) {
                return new LocalTimeParameters(DISABLED, DISABLED, 0, standard);
            }
            ZoneOffsetTransitionRule start = gains(transitions.get(0)) ? transitions.get(0) : transitions.get(1);
            ZoneOffsetTransitionRule end = start == transitions.get(0) ? transitions.get(1) : transitions.get(0);
            long dst = start.getOffsetAfter().getTotalSeconds() - start.getOffsetBefore().getTotalSeconds();
            return new LocalTimeParameters(rule(start), rule(end), dst, standard);
        }

        /** True for the change to daylight saving time (the clocks go forward). */
        private static boolean gains(ZoneOffsetTransitionRule rule) {
            return rule.getOffsetAfter().getTotalSeconds() > rule.getOffsetBefore().getTotalSeconds();
        }

        /** The ESPI DstRuleType bit map of a transition rule, as 8 hex digits. */
        static String rule(ZoneOffsetTransitionRule rule) {
            LocalTime wall = rule.getTimeDefinition()
                    .createDateTime(LocalDateTime.of(2001, 1, 2, 0, 0).plusSeconds(
                            rule.isMidnightEndOfDay() ? 86_400 : rule.getLocalTime().toSecondOfDay()),
                            rule.getStandardOffset(), rule.getOffsetBefore())
                    .toLocalTime();
            Month month = rule.getMonth();
            int dayOfMonth = rule.getDayOfMonthIndicator();
            DayOfWeek dayOfWeek = rule.getDayOfWeek();
            int operator;
            int dom = 0;
            int dow = dayOfWeek == null ? 0 : dayOfWeek.getValue();
            if (dayOfWeek == null) {
                operator = 0;
                dom = dayOfMonth;
            } else if (dayOfMonth == -1 || dayOfMonth == month.maxLength() - 6) {
                operator = 7; // last occurrence in the month
            } else if (dayOfMonth > 0 && (dayOfMonth - 1) % 7 == 0) {
                operator = 2 + (dayOfMonth - 1) / 7; // first, second, third, fourth occurrence
            } else if (dayOfMonth > 0) {
                operator = 1; // the day of the week on or after the day of the month
                dom = dayOfMonth;
            } else {
                throw new IllegalArgumentException("No ESPI encoding of the DST rule " + rule);
            }
            long bits = ((long) month.getValue() << 28) | ((long) operator << 25) | ((long) dom << 20)
                    | ((long) dow << 17) | ((long) wall.getHour() << 12) | (wall.getMinute() * 60L + wall.getSecond());
            return String.format("%08X", bits);
        }
    }
}
