package org.openmdms.reading.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A record an import refused: its line and why (unknown meter, no channel, malformed value). A record
 * the registry refused keeps the record itself (kind and JSON), so that it can be reprocessed once the
 * registry is fixed, and then names the import that reprocessed it.
 */
@Entity
@Table(name = "reading_reject")
public class ReadingReject {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reading_reject_seq")
    @SequenceGenerator(name = "reading_reject_seq", sequenceName = "reading_reject_seq", allocationSize = 50)
    private Long id;

    @Column(name = "import_id", nullable = false, updatable = false)
    private long importId;

    @Column(nullable = false, updatable = false)
    private long line;

    @Column(nullable = false, updatable = false, length = 1000)
    private String reason;

    @Column(name = "record_kind", updatable = false, length = 1)
    private String recordKind;

    @Column(name = "record_json", updatable = false, length = 2000)
    private String recordJson;

    @Column(name = "reprocessed_in")
    private Long reprocessedIn;

    protected ReadingReject() {
    }

    public ReadingReject(long importId, long line, String reason) {
        this(importId, line, reason, null, null);
    }

    /** A refused record that can be reprocessed: {@code kind} I, R or E and the record as batch JSON. */
    public ReadingReject(long importId, long line, String reason, String recordKind, String recordJson) {
        this.importId = importId;
        this.line = line;
        this.reason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        boolean keep = recordKind != null && recordJson != null && recordJson.length() <= 2000;
        this.recordKind = keep ? recordKind : null;
        this.recordJson = keep ? recordJson : null;
    }

    public Long id() {
        return id;
    }

    public String recordKind() {
        return recordKind;
    }

    public String recordJson() {
        return recordJson;
    }

    public Long reprocessedIn() {
        return reprocessedIn;
    }

    public long importId() {
        return importId;
    }

    public long line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
