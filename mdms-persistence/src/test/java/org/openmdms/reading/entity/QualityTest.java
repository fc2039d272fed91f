package org.openmdms.reading.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The estimation method an estimate's quality code carries, there and back. */
class QualityTest {

    @ParameterizedTest
    @CsvSource({
        "linear-interpolation, 256",
        "like-day, 512",
        "linear-interpolation+register-scaling, 2304",
        "like-day+register-scaling, 2560"})
    void theMethodIsCodedInBits8To11(String method, int code) {
        assertEquals(code, Quality.ofEstimationMethod(method));
        assertEquals(method, Quality.estimationMethod(code));
    }

    @Test
    void otherFlagsStayBesideTheMethod() {
        int quality = Quality.ofEstimationMethod("like-day") | Quality.QUESTIONABLE;
        assertEquals("like-day", Quality.estimationMethod(quality));
        assertTrue(Quality.has(quality, Quality.QUESTIONABLE));
    }

    @Test
    void aReadWithoutMethodBitsHasNoMethod() {
        assertNull(Quality.estimationMethod(Quality.POWER_OUTAGE | Quality.SUBSTITUTED));
    }

    @Test
    void anUnknownMethodIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Quality.ofEstimationMethod("guesswork"));
    }
}
