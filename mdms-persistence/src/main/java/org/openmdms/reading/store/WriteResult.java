package org.openmdms.reading.store;

/**
 * What a write did with its rows: new intervals, new versions of existing ones, versions kept behind
 * an analyst's edit, and duplicates (identical value, quality and source: nothing changed).
 */
public record WriteResult(long inserted, long replaced, long behindEdit, long duplicates) {

    public static final WriteResult NONE = new WriteResult(0, 0, 0, 0);

    /** Values written in any form: counted as stored by an import. */
    public long stored() {
        return inserted + replaced + behindEdit;
    }

    public WriteResult plus(WriteResult other) {
        return new WriteResult(inserted + other.inserted, replaced + other.replaced, behindEdit + other.behindEdit,
                duplicates + other.duplicates);
    }
}
