package org.openmdms.reading.boundary;

/** The import of a pushed batch, and whether it is the earlier import of a batch sent again. */
public record BatchImport(boolean replayed, ReadingImportView readingImport) {
}
