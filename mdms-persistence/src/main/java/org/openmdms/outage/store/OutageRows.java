package org.openmdms.outage.store;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** The rows the outage store reads and writes (see sql/common/V15__outages.sql). */
public final class OutageRows {

    private OutageRows() {
    }

    /** outage_policy. */
    public record Policy(BigDecimal transformerShare, int transformerMinMeters, BigDecimal feederShare,
            int feederMinMeters, int windowSeconds, int momentarySeconds, String webhookUrl, String updatedBy,
            Instant updatedAt) implements Serializable {
    }

    /** A power event waiting in power_event_queue. */
    public record QueuedEvent(long usagePointId, Instant occurredAt, String type) {
    }

    /**
     * An electric usage point's place in the grid and its power (usage_point_power; state ON and
     * nothing else known when it never reported a power event).
     */
    public record Power(long usagePointId, String feeder, String transformer, String state, Instant offAt,
            Instant lastEventAt, Long outageId) {
    }

    /** power_interruption. */
    public record Interruption(long usagePointId, Instant offAt, Instant onAt, boolean momentary) {
    }

    /** outage. */
    public record Outage(long id, String level, String feeder, String transformer, String state, Instant startedAt,
            Instant detectedAt, Instant restoredAt, Instant updatedAt, int served, int affected, int out,
            Long parentId, String closedBy, int version) implements Serializable {
    }

    /** outage_meter. */
    public record Member(long outageId, long usagePointId, Instant offAt, Instant onAt) {
    }

    /** A usage point as the outage board shows it: where it is, and its power. */
    public record MeterOnMap(long usagePointId, String code, String meterSerial, String feeder, String transformer,
            BigDecimal latitude, BigDecimal longitude, String state, Instant offAt, Instant onAt) implements Serializable {
    }

    /** A last gasp of a meter on a feeder. */
    public record LastGasp(String usagePoint, String meterSerial, String transformer, Instant occurredAt) {
    }

    /** outage_notice. */
    public record Notice(long id, long outageId, int outageVersion, String kind, String payload, Instant createdAt,
            Instant topicAt, String webhookStatus, Instant webhookAt, int attempts, Instant nextAttemptAt,
            String lastError) implements Serializable {
    }

    /** The outcome of one attempt to deliver a notice; {@code nextAttemptAt} null when nothing is left to deliver. */
    public record Delivery(long noticeId, Instant topicAt, String webhookStatus, Instant webhookAt, int attempts,
            Instant nextAttemptAt, String lastError) {
    }

    /** A notice to add: one change of an outage with its JSON. */
    public record NewNotice(long outageId, int outageVersion, String kind, String payload) {
    }
}
