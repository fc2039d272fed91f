package org.openmdms.reading.boundary;

import java.io.Serializable;
import java.util.List;
import org.openmdms.reading.store.StoredRegisterRead;

/** A register channel's reads over a range, with what a page needs to show them in local time. */
public record ChannelRegisters(String usagePoint, long channelId, String readingType, String timeZone,
        List<StoredRegisterRead> reads) implements Serializable {
}
