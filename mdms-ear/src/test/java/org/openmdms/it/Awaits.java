package org.openmdms.it;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.function.Supplier;

/** Waiting for what the server does in the background (imports from queues, VEE, outage detection). */
final class Awaits {

    private Awaits() {
    }

    /** What the probe finds (not null), asked every half second for up to 30 s; fails naming {@code what}. */
    static <T> T await(Supplier<T> probe, String what) {
        for (int i = 0; i < 60; i++) {
            T found = probe.get();
            if (found != null) {
                return found;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        T found = probe.get();
        assertNotNull(found, "waited 30 s for " + what);
        return found;
    }
}
