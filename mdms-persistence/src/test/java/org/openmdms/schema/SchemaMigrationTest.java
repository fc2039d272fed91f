package org.openmdms.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaMigrationTest {

    @Test
    void eachDatabaseGetsItsFolders() {
        assertEquals(List.of("classpath:db/migration/common", "classpath:db/migration/postgresql"),
                SchemaMigration.locationsFor("PostgreSQL"));
        assertEquals(List.of("classpath:db/migration/common", "classpath:db/migration/h2"),
                SchemaMigration.locationsFor("H2"));
        assertEquals(List.of("classpath:db/migration/oracle"), SchemaMigration.locationsFor("Oracle"));
        assertThrows(IllegalStateException.class, () -> SchemaMigration.locationsFor("MySQL"));
    }
}
