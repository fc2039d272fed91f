package org.openmdms.reading.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A record an import refused: its line and why (unknown meter, no channel, malformed value). */
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

    protected ReadingReject() {
    }

    public ReadingReject(long importId, long line, String reason) {
        this.importId = importId;
        this.line = line;
        this.reason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
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
