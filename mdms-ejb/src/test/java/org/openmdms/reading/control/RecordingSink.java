package org.openmdms.reading.control;

import java.util.ArrayList;
import java.util.List;
import org.openmdms.meter.control.RowError;

/** A sink that keeps everything a parser hands it, for assertions. */
final class RecordingSink implements ReadingSink {

    final List<MeterIntervalRead> intervals = new ArrayList<>();
    final List<MeterRegisterRead> registers = new ArrayList<>();
    final List<MeterEvent> events = new ArrayList<>();
    final List<RowError> rejects = new ArrayList<>();

    @Override
    public void interval(MeterIntervalRead read) {
        intervals.add(read);
    }

    @Override
    public void register(MeterRegisterRead read) {
        registers.add(read);
    }

    @Override
    public void event(MeterEvent event) {
        events.add(event);
    }

    @Override
    public void reject(RowError error) {
        rejects.add(error);
    }

    /** Rejects as "line: reason", one a line, for readable failure messages. */
    String rejectsText() {
        StringBuilder text = new StringBuilder();
        rejects.forEach(e -> text.append(e.line()).append(": ").append(e.reason()).append('\n'));
        return text.toString();
    }
}
