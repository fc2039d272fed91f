package org.openmdms.web.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openmdms.outage.control.OutagePolicy;

class OutagePolicyPageTest {

    /** The reason the policy gives for a value it refuses. */
    private static String reason(String transformerShare, int transformerMin, String feederShare, int feederMin,
            int window, int momentary, String webhook) {
        return assertThrows(IllegalArgumentException.class, () -> new OutagePolicy(new BigDecimal(transformerShare),
                transformerMin, new BigDecimal(feederShare), feederMin, Duration.ofSeconds(window),
                Duration.ofSeconds(momentary), webhook)).getMessage();
    }

    @Test
    void theReasonIsShownAtTheFieldItIsAbout() {
        assertEquals("transformerShare", OutagePolicyPage.field(reason("1.5", 2, "0.3", 10, 300, 60, null), 2));
        assertEquals("feederShare", OutagePolicyPage.field(reason("0.5", 2, "0", 10, 300, 60, null), 2));
        assertEquals("transformerMinMeters", OutagePolicyPage.field(reason("0.5", 0, "0.3", 10, 300, 60, null), 0));
        assertEquals("feederMinMeters", OutagePolicyPage.field(reason("0.5", 2, "0.3", 0, 300, 60, null), 2));
        assertEquals("windowSeconds", OutagePolicyPage.field(reason("0.5", 2, "0.3", 10, 0, 60, null), 2));
        assertEquals("momentarySeconds", OutagePolicyPage.field(reason("0.5", 2, "0.3", 10, 300, -1, null), 2));
        assertEquals("webhookUrl", OutagePolicyPage.field(reason("0.5", 2, "0.3", 10, 300, 60, "ftp://x/y"), 2));
        assertEquals(null, OutagePolicyPage.field("something else", 2));
    }
}
