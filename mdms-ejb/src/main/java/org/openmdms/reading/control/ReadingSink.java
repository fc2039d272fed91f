package org.openmdms.reading.control;

import org.openmdms.meter.control.RowError;

/**
 * Where a reading-file parser or a batch hands what it reads, record by record, so that files of any
 * size are parsed in bounded memory: interval reads, register reads and meter events. A malformed
 * record goes to {@link #reject} with its line and reason and parsing goes on with the next one.
 */
public interface ReadingSink {

    void interval(MeterIntervalRead read);

    void register(MeterRegisterRead read);

    void event(MeterEvent event);

    void reject(RowError error);
}
