package org.openmdms.reading.store;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One month of interval detail in one table, as the administrator's storage overview shows it.
 *
 * @param table {@code interval_read} or {@code interval_read_history}
 * @param month first day of the month (UTC) whose interval ends the rows have
 * @param partition the partition holding it, or null where there are no partitions (H2)
 * @param estimatedRows the database's estimate (PostgreSQL: planner statistics and live-tuple
 *     counts; Oracle: gathered statistics); an exact count on H2
 * @param bytes size on disk with indexes, or null where the database does not tell (H2)
 */
public record StoredMonth(String table, LocalDate month, String partition, long estimatedRows, Long bytes) implements Serializable {
}
