package org.openmdms.meter.control;

import java.io.Serializable;
import java.util.List;

/**
 * What a registry import did. The counts reconcile: received = created + updated + unchanged + rejected.
 * At most {@link #MAX_ERRORS} errors are listed; {@code rejected} counts them all.
 */
public record ImportResult(String source, long received, long created, long updated, long unchanged, long rejected,
        List<RowError> errors, long millis) implements Serializable {

    public static final int MAX_ERRORS = 1000;

    public ImportResult {
        errors = List.copyOf(errors);
        if (received != created + updated + unchanged + rejected) {
            throw new IllegalStateException("Import counts do not reconcile: " + received + " received, "
                    + created + " created, " + updated + " updated, " + unchanged + " unchanged, " + rejected
                    + " rejected");
        }
    }
}
