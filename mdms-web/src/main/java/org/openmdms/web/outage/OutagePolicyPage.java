package org.openmdms.web.outage;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import org.openmdms.outage.boundary.Outages;
import org.openmdms.outage.control.OutagePolicy;
import org.openmdms.outage.store.OutageRows;
import org.openmdms.web.Messages;

/**
 * admin/outage-policy.xhtml: what opens an outage — the share and number of meters out behind a
 * transformer and on a feeder, the window their last gasps must fall in, how long a meter may be off
 * before it counts, and the webhook notices go to. A value the policy refuses is reported next to
 * its field, with the policy's reason.
 */
@Named
@ViewScoped
public class OutagePolicyPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Outages outages;

    private OutageRows.Policy current;
    private BigDecimal transformerShare;
    private Integer transformerMinMeters;
    private BigDecimal feederShare;
    private Integer feederMinMeters;
    private Integer windowSeconds;
    private Integer momentarySeconds;
    private String webhookUrl;

    public void load() {
        show(outages.policy());
    }

    private void show(OutageRows.Policy policy) {
        current = policy;
        transformerShare = policy.transformerShare().stripTrailingZeros();
        transformerMinMeters = policy.transformerMinMeters();
        feederShare = policy.feederShare().stripTrailingZeros();
        feederMinMeters = policy.feederMinMeters();
        windowSeconds = policy.windowSeconds();
        momentarySeconds = policy.momentarySeconds();
        webhookUrl = policy.webhookUrl();
    }

    public void save() {
        OutagePolicy policy;
        try {
            // The database keeps four decimals of a share: refuse more rather than round silently.
            decimals("transformer share", transformerShare);
            decimals("feeder share", feederShare);
            policy = new OutagePolicy(transformerShare, value(transformerMinMeters), feederShare,
                    value(feederMinMeters), Duration.ofSeconds(value(windowSeconds)),
                    Duration.ofSeconds(value(momentarySeconds)), webhookUrl);
        } catch (IllegalArgumentException e) {
            refused(e.getMessage());
            return;
        }
        try {
            show(outages.updatePolicy(policy));
            Messages.info("Outage policy saved: detection uses it from its next step");
        } catch (RuntimeException e) {
            Messages.refused(e);
        }
    }

    private static void decimals(String name, BigDecimal share) {
        if (share != null && share.stripTrailingZeros().scale() > 4) {
            throw new IllegalArgumentException("the " + name + " has at most 4 decimals, not " + share.toPlainString());
        }
    }

    private static int value(Integer number) {
        return number == null ? 0 : number;
    }

    /** The policy's reason, shown next to the field it is about (and in the page's messages). */
    private void refused(String reason) {
        String text = reason.isEmpty() ? reason : Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
        FacesContext context = FacesContext.getCurrentInstance();
        String field = field(reason, transformerMinMeters);
        context.addMessage(field == null ? null : "policy:" + field,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        context.validationFailed();
    }

    /** Which field the policy's reason is about; null when it cannot tell. */
    static String field(String reason, Integer transformerMinMeters) {
        if (reason.contains("transformer share")) {
            return "transformerShare";
        } else if (reason.contains("feeder share")) {
            return "feederShare";
        } else if (reason.contains("minimum number of meters")) {
            return transformerMinMeters == null || transformerMinMeters < 1 ? "transformerMinMeters" : "feederMinMeters";
        } else if (reason.contains("window")) {
            return "windowSeconds";
        } else if (reason.contains("momentary")) {
            return "momentarySeconds";
        } else if (reason.contains("webhook")) {
            return "webhookUrl";
        }
        return null;
    }

    public OutageRows.Policy getCurrent() {
        return current;
    }

    public BigDecimal getTransformerShare() {
        return transformerShare;
    }

    public void setTransformerShare(BigDecimal transformerShare) {
        this.transformerShare = transformerShare;
    }

    public Integer getTransformerMinMeters() {
        return transformerMinMeters;
    }

    public void setTransformerMinMeters(Integer transformerMinMeters) {
        this.transformerMinMeters = transformerMinMeters;
    }

    public BigDecimal getFeederShare() {
        return feederShare;
    }

    public void setFeederShare(BigDecimal feederShare) {
        this.feederShare = feederShare;
    }

    public Integer getFeederMinMeters() {
        return feederMinMeters;
    }

    public void setFeederMinMeters(Integer feederMinMeters) {
        this.feederMinMeters = feederMinMeters;
    }

    public Integer getWindowSeconds() {
        return windowSeconds;
    }

    public void setWindowSeconds(Integer windowSeconds) {
        this.windowSeconds = windowSeconds;
    }

    public Integer getMomentarySeconds() {
        return momentarySeconds;
    }

    public void setMomentarySeconds(Integer momentarySeconds) {
        this.momentarySeconds = momentarySeconds;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }
}
