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
            for (OutageRows.Notice notice : store.dueNotices(Instant.now(), 500)) {
                deliver(notice, store.policy().webhookUrl());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Publishing outage notices failed; they are tried again", e);
        }
    }

    private void deliver(OutageRows.Notice notice, String webhookUrl) {
        Instant topicAt = notice.topicAt();
        String error = null;
        if (topicAt == null) {
            try {
                topic.send(notice);
                topicAt = Instant.now();
            } catch (RuntimeException e) {
                error = "topic: " + e;
            }
        }
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
        store.delivered(notice.id(), topicAt, webhookStatus, webhookAt, attempts, next, error);
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
