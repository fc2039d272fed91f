package org.openmdms.reading.boundary;

/** A CDI event: an import of reads ended (completed or failed), its writes committed. */
public record ImportFinished(long importId) {
}
