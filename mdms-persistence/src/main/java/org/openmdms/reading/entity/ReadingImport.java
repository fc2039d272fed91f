package org.openmdms.reading.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One import of reads — a file, a REST batch, a JMS message — with its counts, which always
 * reconcile: received = stored + duplicates + rejected. Counts grow chunk by chunk as the import
 * commits, so a long import shows its progress and a crashed one shows how far it got.
 */
@Entity
@Table(name = "reading_import")
public class ReadingImport {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reading_import_seq")
    @SequenceGenerator(name = "reading_import_seq", sequenceName = "reading_import_seq", allocationSize = 50)
    private Long id;

    @Column(name = "source_name", nullable = false, updatable = false)
    private String sourceName;

    @Column(nullable = false, updatable = false, length = 16)
    private String format;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ImportStatus status = ImportStatus.RUNNING;

    @Column(name = "started_by", nullable = false, updatable = false, length = 64)
    private String startedBy;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(nullable = false)
    private long received;

    @Column(nullable = false)
    private long stored;

    @Column(nullable = false)
    private long duplicates;

    @Column(nullable = false)
    private long rejected;

    @Column(length = 1000)
    private String failure;

    @Column(name = "idempotency_key", length = 128)
    private String idempotencyKey;

    /** The cluster node running the import, or that ran it last (docs/operations.md, "Cluster"). */
    @Column(length = 64)
    private String node;

    @Version
    private long version;

    protected ReadingImport() {
    }

    public ReadingImport(String sourceName, String format, String startedBy) {
        this.sourceName = sourceName.length() > 255 ? sourceName.substring(0, 255) : sourceName;
        this.format = format;
        this.startedBy = startedBy;
        this.startedAt = Instant.now();
    }

    /** An import of a batch its sender may resend: the key identifies the batch. */
    public ReadingImport(String sourceName, String format, String startedBy, String idempotencyKey) {
        this(sourceName, format, startedBy);
        this.idempotencyKey = idempotencyKey;
    }

    /** Notes the node that runs the import. */
    public void runOn(String node) {
        this.node = node;
    }

    /** Adds the counts of one committed chunk. */
    public void count(long received, long stored, long duplicates, long rejected) {
        checkReconciles(received, stored, duplicates, rejected);
        this.received += received;
        this.stored += stored;
        this.duplicates += duplicates;
        this.rejected += rejected;
    }

    public void complete() {
        status = ImportStatus.COMPLETED;
        finishedAt = Instant.now();
    }

    /** Refuses counts where received is not stored + duplicates + rejected. */
    public static void checkReconciles(long received, long stored, long duplicates, long rejected) {
        if (received != stored + duplicates + rejected) {
            throw new IllegalArgumentException("counts do not reconcile: " + received + " received, " + stored
                    + " stored, " + duplicates + " duplicates, " + rejected + " rejected");
        }
    }

    /**
     * Ends the import as failed. A failed import gives up its idempotency key, so that the sender's
     * retry with the same key imports the batch again (what was stored counts as duplicates) instead
     * of being answered with the failure.
     */
    public void fail(String reason) {
        status = ImportStatus.FAILED;
        idempotencyKey = null;
        finishedAt = Instant.now();
        failure = reason == null ? "unknown" : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    }

    public Long id() {
        return id;
    }

    public String sourceName() {
        return sourceName;
    }

    public String format() {
        return format;
    }

    public ImportStatus status() {
        return status;
    }

    public String startedBy() {
        return startedBy;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public long received() {
        return received;
    }

    public long stored() {
        return stored;
    }

    public long duplicates() {
        return duplicates;
    }

    public long rejected() {
        return rejected;
    }

    public String failure() {
        return failure;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String node() {
        return node;
    }
}
