package org.openmdms.outage.control;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;

/**
 * What opens an outage. A transformer (feeder) outage opens when at least {@code transformerShare}
 * ({@code feederShare}) of the electric usage points it serves, and at least
 * {@code transformerMinMeters} ({@code feederMinMeters}) of them, are out with last gasps within
 * {@code window} of the latest of them. A meter is out once its last gasp is older than
 * {@code momentary} without a power restore; a restore within that time is a momentary
 * interruption, recorded but never counted.
 *
 * @param webhookUrl where outage notices are POSTed besides the JMS topic; null for none
 */
public record OutagePolicy(BigDecimal transformerShare, int transformerMinMeters, BigDecimal feederShare,
        int feederMinMeters, Duration window, Duration momentary, String webhookUrl) {

    /** The policy the first migration stores. */
    public static final OutagePolicy DEFAULT = new OutagePolicy(new BigDecimal("0.5"), 2, new BigDecimal("0.3"), 10,
            Duration.ofMinutes(5), Duration.ofSeconds(60), null);

    public OutagePolicy {
        share("transformer share", transformerShare);
        share("feeder share", feederShare);
        if (transformerMinMeters < 1 || feederMinMeters < 1) {
            throw new IllegalArgumentException("the minimum number of meters out must be at least 1");
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the window must be at least one second");
        }
        if (momentary == null || momentary.isNegative()) {
            throw new IllegalArgumentException("the momentary time cannot be negative");
        }
        if (webhookUrl != null && webhookUrl.isBlank()) {
            webhookUrl = null;
        }
        if (webhookUrl != null) {
            URI uri;
            try {
                uri = URI.create(webhookUrl.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the webhook URL is not a URL: " + webhookUrl);
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("the webhook URL must be an http or https URL: " + webhookUrl);
            }
            webhookUrl = uri.toString();
        }
    }

    private static void share(String name, BigDecimal share) {
        if (share == null || share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("the " + name + " must be more than 0 and at most 1, not " + share);
        }
        if (share.stripTrailingZeros().scale() > 4) {
            throw new IllegalArgumentException("the " + name + " has at most 4 decimals (0.3333), not " + share);
        }
    }

    /** Whether {@code out} meters of the {@code served} behind a device of this level open an outage. */
    public boolean opens(OutageLevel level, int out, int served) {
        int minimum = level == OutageLevel.TRANSFORMER ? transformerMinMeters : feederMinMeters;
        BigDecimal share = level == OutageLevel.TRANSFORMER ? transformerShare : feederShare;
        return out >= minimum && served > 0
                && BigDecimal.valueOf(out).compareTo(share.multiply(BigDecimal.valueOf(served))) >= 0;
    }
}
