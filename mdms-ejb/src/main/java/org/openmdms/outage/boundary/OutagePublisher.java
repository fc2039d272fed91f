package org.openmdms.outage.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmdms.admin.entity.Role;
import org.openmdms.outage.store.OutageRows;
import org.openmdms.outage.store.OutageStore;
import org.openmdms.schedule.control.OnePass;

/**
 * Delivers outage notices to the outage management system: each to the JMS topic
 * {@code java:/jms/topic/mdms/outages} and, when the policy names one, POSTed as JSON to the
 * webhook. What failed is tried again after 5 s, 10 s, 20 s … (at most 10 minutes apart); the
 * webhook is given up after {@value #MAX_ATTEMPTS} attempts (FAILED). Every attempt is recorded on
 * the notice. Runs when detection changed outages and every 10 seconds.
 */
@Singleton
@RunAs(Role.ADMIN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class OutagePublisher {

    static final int MAX_ATTEMPTS = 8;
    /** Notices delivered and recorded together. */
    static final int BATCH = 500;
    /** With a webhook, outcomes are recorded every this many notices. */
    static final int WEBHOOK_RECORD_EVERY = 20;
    private static final Logger LOG = Logger.getLogger(OutagePublisher.class.getName());

    private final OnePass passes = new OnePass(this::deliverDue);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    OutageStore store;

    @Resource
    SessionContext context;

    @Inject
    OutageTopic topic;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void tick() {
        // On a thread of its own: a long pass (a storm) must not hold the timer into its next expiry.
        context.getBusinessObject(OutagePublisher.class).wake();
    }

    @Asynchronous
    public void wake() {
        pass();
    }

    private void pass() {
        passes.run();
    }

    private void deliverDue() {
        try {
            List<OutageRows.Notice> due;
            do {
                due = store.dueNotices(Instant.now(), BATCH);
                deliver(due, store.policy().webhookUrl());
            } while (due.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Publishing outage notices failed; they are tried again", e);
        }
    }

    /**
     * Sends the notices not yet on the topic in one transaction, POSTs those the webhook still
     * needs one by one, and records every outcome with one batch (a storm: thousands of notices in
     * seconds, not one transaction each).
     */
    private void deliver(List<OutageRows.Notice> due, String webhookUrl) {
        if (due.isEmpty()) {
            return;
        }
        List<OutageRows.Notice> toTopic = due.stream().filter(n -> n.topicAt() == null).toList();
        Instant sentAt = null;
        String topicError = null;
        if (!toTopic.isEmpty()) {
            try {
                topic.sendAll(toTopic);
                sentAt = Instant.now();
            } catch (RuntimeException e) {
                topicError = "topic: " + e;
            }
        }
        // With a webhook every notice waits for its POST (up to 10 s): record as we go, not at the end.
        int recordEvery = webhookUrl == null ? BATCH : WEBHOOK_RECORD_EVERY;
        List<OutageRows.Delivery> outcomes = new ArrayList<>();
        for (OutageRows.Notice notice : due) {
            outcomes.add(deliver(notice, notice.topicAt() != null ? notice.topicAt() : sentAt,
                    notice.topicAt() != null ? null : topicError, webhookUrl));
            if (outcomes.size() == recordEvery) {
                context.getBusinessObject(OutagePublisher.class).record(outcomes);
                outcomes = new ArrayList<>();
            }
        }
        if (!outcomes.isEmpty()) {
            context.getBusinessObject(OutagePublisher.class).record(outcomes);
        }
    }

    /** Records the outcomes in a transaction of their own: one commit for the batch. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(List<OutageRows.Delivery> outcomes) {
        store.delivered(outcomes);
    }

    private OutageRows.Delivery deliver(OutageRows.Notice notice, Instant topicAt, String topicError,
            String webhookUrl) {
        String error = topicError;
        String webhookStatus = notice.webhookStatus();
        Instant webhookAt = notice.webhookAt();
        int attempts = notice.attempts();
        if ("PENDING".equals(webhookStatus)) {
            if (webhookUrl == null) {
                webhookStatus = "NONE";
            } else {
                attempts++;
                String failure = post(webhookUrl, notice);
                if (failure == null) {
                    webhookStatus = "DELIVERED";
                    webhookAt = Instant.now();
                } else {
                    error = error == null ? "webhook: " + failure : error + "; webhook: " + failure;
                    if (attempts >= MAX_ATTEMPTS) {
                        webhookStatus = "FAILED";
                    }
                }
            }
        }
        boolean left = topicAt == null || "PENDING".equals(webhookStatus);
        Instant next = left ? Instant.now().plus(backoff(Math.max(attempts, 1))) : null;
        return new OutageRows.Delivery(notice.id(), topicAt, webhookStatus, webhookAt, attempts, next, error);
    }

    /** 5 s, 10 s, 20 s, … at most 10 minutes. */
    static Duration backoff(int attempts) {
        long seconds = 5L << Math.min(attempts - 1, 7);
        return Duration.ofSeconds(Math.min(seconds, 600));
    }

    /** POSTs the notice; null when the webhook answered 2xx, else what went wrong. */
    private String post(String url, OutageRows.Notice notice) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-MDMS-Notice-Id", Long.toString(notice.id()))
                    .POST(HttpRequest.BodyPublishers.ofString(notice.payload())).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (java.io.IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
