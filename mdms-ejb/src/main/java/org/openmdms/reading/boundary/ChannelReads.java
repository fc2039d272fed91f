package org.openmdms.reading.boundary;

import java.io.Serializable;
import java.util.List;
import org.openmdms.reading.store.StoredInterval;

/** A channel's reads over a range, with what a page needs to show them in local time. */
public record ChannelReads(String usagePoint, long channelId, String readingType, String timeZone,
        List<StoredInterval> reads) implements Serializable {
}
