package org.openmdms.reading.store;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The one statement whose SQL differs between the databases for register reads and meter events:
 * insert a row unless its key is already stored, answering 1 or 0. PostgreSQL says it with
 * {@code ON CONFLICT DO NOTHING}, which also holds against a concurrent writer of the same key;
 * H2 with a {@code MERGE … WHEN NOT MATCHED}. (Oracle would be a MERGE from {@code dual}, written
 * with its interval store.)
 */
enum InsertIfAbsent {

    POSTGRESQL {
        @Override
        String sql(String table, String[] columns, String[] types, String[] key) {
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + Arrays.stream(columns).map(c -> "?").collect(Collectors.joining(", ")) + ")"
                    + " ON CONFLICT (" + String.join(", ", key) + ") DO NOTHING";
        }
    },

    H2 {
        @Override
        String sql(String table, String[] columns, String[] types, String[] key) {
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < columns.length; i++) {
                values.append(i == 0 ? "" : ", ").append("CAST(? AS ").append(types[i]).append(')');
            }
            return "MERGE INTO " + table + " t USING (VALUES (" + values + ")) s(" + String.join(", ", columns) + ")"
                    + " ON (" + Arrays.stream(key).map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "))
                    + ") WHEN NOT MATCHED THEN INSERT (" + String.join(", ", columns) + ") VALUES ("
                    + Arrays.stream(columns).map(c -> "s." + c).collect(Collectors.joining(", ")) + ")";
        }
    };

    /** The dialect for a database product name (JDBC metadata), or an explanation why there is none. */
    static InsertIfAbsent of(String databaseProduct) {
        String product = databaseProduct.toLowerCase(java.util.Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("h2")) {
            return H2;
        }
        throw new IllegalStateException("No register read and event store for '" + databaseProduct
                + "' yet: PostgreSQL and H2 have one");
    }

    /** The statement with one parameter per column, in the order of {@code columns}. */
    abstract String sql(String table, String[] columns, String[] types, String[] key);
}
