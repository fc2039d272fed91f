package org.openmdms.schedule.control;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Background work that runs one pass at a time: a pass asked for while one runs is run right after
 * it (once, however often it was asked), by the thread of the running pass. Timers and wake-ups of
 * a worker (VEE, outage detection, the outage publisher) go through one of these.
 */
public final class OnePass {

    private final AtomicBoolean working = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final Runnable pass;

    public OnePass(Runnable pass) {
        this.pass = pass;
    }

    /** Runs the pass now, or has the running one run it again when it ends. */
    public void run() {
        wanted.set(true);
        while (wanted.get() && working.compareAndSet(false, true)) {
            try {
                while (wanted.getAndSet(false)) {
                    pass.run();
                }
            } finally {
                working.set(false);
            }
        }
    }
}
