package org.openmdms.reading.control;

import java.util.List;
import org.openmdms.meter.control.RowError;

/**
 * One chunk of an import, written in one transaction: the interval reads, register reads and events
 * a parser or batch handed on, and the records it refused. Every record received is in exactly one
 * of the lists, so an import's counts reconcile: received = stored + duplicates + rejected.
 */
public record ReadingChunk(List<MeterIntervalRead> intervals, List<MeterRegisterRead> registers,
        List<MeterEvent> events, List<RowError> rejects) {

    public long received() {
        return (long) intervals.size() + registers.size() + events.size() + rejects.size();
    }
}
