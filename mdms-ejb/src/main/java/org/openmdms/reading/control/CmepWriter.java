package org.openmdms.reading.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.Objects;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.Unit;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;

/**
 * Writes interval reads as CMEP MEPMD01 records in the layout {@link CmepParser} reads, so that an
 * export re-imported with the same zone changes nothing.
 *
 * <p>Reads are written in the order given; consecutive reads of one meter, unit and interval whose
 * ends follow each other by exactly the interval length share a record (at most
 * {@link #MAX_TRIPLES} triples). The first triple of a record carries its local end time, the
 * others leave the time empty (previous end + interval). CalculationConstant is 1: values are
 * written in engineering units. Purpose is {@code OK}, Commodity {@code E} ({@code G} for THERM and
 * M3).
 *
 * <p>Quality codes: ACTUAL valid → {@code A}; ESTIMATED valid → {@code E}; ESTIMATED substituted
 * → {@code S}; ACTUAL questionable → {@code Q}; ACTUAL power outage → {@code P}. Any other
 * combination is written in this product's extension, the source letter followed by the quality
 * flag bits in decimal — {@code E256} (estimated by linear interpolation), {@code E512} (like day),
 * {@code A4} (actual, clock adjusted) — which {@link CmepParser} reads back as the same flags, so
 * a re-import finds the stored read and counts a duplicate. An analyst's edit is written {@code M}
 * ({@code M<flags>} with flags): the receiver learns the value was edited; this product's parser
 * refuses to import it as an edit (edits are made by analysts, with a reason). Reads that CMEP
 * cannot carry — a direction other than DELIVERED, or a record that would start at a local time
 * repeated by a DST change at its second occurrence (the parser would read it as the first) —
 * throw {@link IllegalArgumentException}.
 */
public final class CmepWriter {

    public static final int MAX_TRIPLES = 288;

    private final Writer out;
    private final ZoneId zone;
    private final String senderId;
    private final String receiverId;
    private final String timeStamp;

    private MeterIntervalRead first;
    private MeterIntervalRead last;
    private final StringBuilder triples = new StringBuilder();
    private int count;

    /**
     * @param zone the zone the receiver reads local times in
     * @param createdAt written as every record's TimeStamp
     */
    public CmepWriter(Writer out, ZoneId zone, String senderId, String receiverId, Instant createdAt) {
        this.out = Objects.requireNonNull(out);
        this.zone = Objects.requireNonNull(zone);
        this.senderId = senderId;
        this.receiverId = receiverId;
        this.timeStamp = LocalDateTime.ofInstant(createdAt, zone).format(CmepParser.TIME);
    }

    public void write(MeterIntervalRead read) {
        if (read.direction() != FlowDirection.DELIVERED) {
            throw new IllegalArgumentException("CMEP carries no flow direction; cannot write a " + read.direction()
                    + " read of meter " + read.meterId());
        }
        String code = code(read.quality(), read.source());
        if (first != null && (!continues(read) || count == MAX_TRIPLES)) {
            flush();
        }
        if (first == null) {
            first = read;
            LocalDateTime local = LocalDateTime.ofInstant(read.intervalEnd(), zone);
            ZoneOffsetTransition transition = zone.getRules().getTransition(local);
            if (transition != null && transition.isOverlap() && read.intervalEnd().isAfter(local.toInstant(transition.getOffsetBefore()))) {
                throw new IllegalArgumentException("the read of meter " + read.meterId() + " ending " + read.intervalEnd()
                        + " starts a record at the second occurrence of local time " + local + " in " + zone
                        + ", which CMEP cannot tell from the first");
            }
            triples.append(',').append(local.format(CmepParser.TIME));
        } else {
            triples.append(',');
        }
        triples.append(',').append(code).append(',').append(read.value().toPlainString());
        count++;
        last = read;
    }

    /** Writes the pending record; call once after the last read. */
    public void flush() {
        if (first == null) {
            return;
        }
        String minutes = String.format("%02d%02d", first.intervalMinutes() / 60, first.intervalMinutes() % 60);
        String commodity = first.unit() == Unit.THERM || first.unit() == Unit.M3 ? "G" : "E";
        try {
            out.write(CmepParser.RECORD_TYPE + ",19970819," + text(senderId) + ",," + text(receiverId) + ",," + timeStamp
                    + "," + text(first.meterId()) + ",OK," + commodity + "," + first.unit().name() + ",1,0000" + minutes
                    + "," + count + triples + "\r\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        first = null;
        last = null;
        count = 0;
        triples.setLength(0);
    }

    private boolean continues(MeterIntervalRead read) {
        return read.meterId().equals(first.meterId()) && read.unit() == first.unit()
                && read.intervalMinutes() == first.intervalMinutes()
                && read.intervalEnd().equals(last.intervalEnd().plusSeconds(60L * read.intervalMinutes()));
    }

    static String code(int quality, ReadSource source) {
        if (source == ReadSource.ACTUAL && quality == Quality.VALID) {
            return "A";
        }
        if (source == ReadSource.ESTIMATED && quality == Quality.VALID) {
            return "E";
        }
        if (source == ReadSource.ESTIMATED && quality == Quality.SUBSTITUTED) {
            return "S";
        }
        if (source == ReadSource.ACTUAL && quality == Quality.QUESTIONABLE) {
            return "Q";
        }
        if (source == ReadSource.ACTUAL && quality == Quality.POWER_OUTAGE) {
            return "P";
        }
        // this product's extension: the source letter and the flag bits, read back by CmepParser
        return source.code() + (source == ReadSource.EDITED && quality == Quality.VALID ? "" : String.valueOf(quality));
    }

    /** Quotes a field if it holds a comma or a quote. */
    private static String text(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
