package org.openmdms.reading.control;

import org.openmdms.meter.control.RowError;

/**
 * Where a reading-file parser hands what it reads, record by record, so that files of any size are
 * parsed in bounded memory. A malformed record goes to {@link #reject} with its line and reason and
 * parsing goes on with the next one.
 */
public interface ReadingSink {

    void interval(MeterIntervalRead read);

    default void register(MeterRegisterRead read) {
        reject(new RowError(read.line(), "register reads are not stored yet (interval reads only)"));
    }

    default void event(MeterEvent event) {
        reject(new RowError(event.line(), "meter events are not stored yet (interval reads only)"));
    }

    void reject(RowError error);
}
