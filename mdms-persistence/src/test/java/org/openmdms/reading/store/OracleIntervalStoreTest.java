package org.openmdms.reading.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No Oracle database runs here, so the Oracle interval store is checked the ways it can be: it is
 * the store chosen for an Oracle datasource; its own SQL is in Oracle's dialect and binds the same
 * parameters as the shared statements it replaces; every statement it runs is the one shown in
 * docs/reading-import.md; and the staging table it writes to is in the Oracle migrations.
 */
class OracleIntervalStoreTest {

    @Test
    void anOracleDatasourceGetsTheOracleStore() {
        assertInstanceOf(OracleIntervalStore.class, ReadingStores.intervalStoreFor("Oracle", null));
        assertInstanceOf(PostgresIntervalStore.class, ReadingStores.intervalStoreFor("PostgreSQL", null));
        assertInstanceOf(H2IntervalStore.class, ReadingStores.intervalStoreFor("H2", null));
        assertThrows(IllegalStateException.class, () -> ReadingStores.intervalStoreFor("MySQL", null));
    }

    @Test
    void theOracleStatementsUseOraclesDialect() {
        assertTrue(OracleIntervalStore.MERGE.contains(" WHEN MATCHED THEN UPDATE SET "), OracleIntervalStore.MERGE);
        assertTrue(OracleIntervalStore.MERGE.contains(" WHERE " + JdbcIntervalStore.CHANGED + " WHEN NOT MATCHED "),
                "the update's condition is its WHERE clause");
        assertFalse(OracleIntervalStore.MERGE.contains("WHEN MATCHED AND"), "Oracle has no WHEN MATCHED AND");
        assertEquals(parameters(JdbcIntervalStore.MERGE), parameters(OracleIntervalStore.MERGE), "bind parameters");
        assertEquals(parameters(JdbcIntervalStore.dailyTotals("BIGINT")), parameters(OracleIntervalStore.DAILY),
                "bind parameters");
        for (String sql : oracleStatements()) {
            assertFalse(sql.matches("(?s).*\\b(BIGINT|ON CONFLICT|::|LIMIT)\\b.*"), "not Oracle: " + sql);
        }
        assertTrue(OracleIntervalStore.DROP.endsWith("UPDATE GLOBAL INDEXES"), "the global primary key stays usable");
        assertTrue(OracleIntervalStore.EXCHANGE.endsWith("UPDATE GLOBAL INDEXES"));
    }

    @Test
    void everyOracleStatementIsTheOneDocumented() throws IOException {
        String docs = normalized(Files.readString(projectFile("docs/reading-import.md")));
        for (String sql : oracleStatements()) {
            assertTrue(docs.contains(normalized(sql)), "docs/reading-import.md does not show: " + sql);
        }
    }

    @Test
    void theStagingTableIsAGlobalTemporaryTableInTheOracleMigrations() throws IOException {
        String v5 = normalized(Files.readString(projectFile("sql/oracle/V5__interval_reads.sql")));
        assertTrue(v5.contains("CREATE GLOBAL TEMPORARY TABLE interval_read_stage ("));
        assertTrue(v5.contains(") ON COMMIT DELETE ROWS;"));
    }

    private static List<String> oracleStatements() {
        return List.of(OracleIntervalStore.MERGE, OracleIntervalStore.DAILY, OracleIntervalStore.PARTITIONS,
                OracleIntervalStore.ARCHIVE, OracleIntervalStore.EXCHANGE, OracleIntervalStore.DROP);
    }

    private static long parameters(String sql) {
        return sql.chars().filter(c -> c == '?').count();
    }

    private static String normalized(String text) {
        return text.replaceAll("\\s+", " ");
    }

    /** A file of the project, found by walking up from the module (Maven runs tests in mdms-persistence). */
    private static Path projectFile(String path) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(path))) {
                return dir.resolve(path);
            }
        }
        throw new IllegalStateException(path + " not found above " + Path.of("").toAbsolutePath());
    }
}
