package org.openmdms.reading.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.openmdms.meter.control.RowError;
import org.openmdms.reading.entity.ImportStatus;
import org.openmdms.reading.entity.ReadingImport;

/** An import of reads as the import history and the API show it, with the node that ran it and its first rejects. */
public record ReadingImportView(long id, String source, String format, ImportStatus status, String startedBy,
        Instant startedAt, Instant finishedAt, long received, long stored, long duplicates, long rejected,
        String failure, String node, List<RowError> rejects) implements Serializable {

    static ReadingImportView of(ReadingImport i, List<RowError> rejects) {
        return new ReadingImportView(i.id(), i.sourceName(), i.format(), i.status(), i.startedBy(), i.startedAt(),
                i.finishedAt(), i.received(), i.stored(), i.duplicates(), i.rejected(), i.failure(),
                i.node(), rejects);
    }
}
