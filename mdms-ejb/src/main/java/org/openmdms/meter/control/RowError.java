package org.openmdms.meter.control;

import java.io.Serializable;

/** A rejected row: the line it starts on and why, in words an administrator can act on. */
public record RowError(long line, String reason) implements Serializable {
}
