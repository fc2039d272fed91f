package org.openmdms.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database to the schema this build expects, with the Flyway migrations from sql/.
 * Which folders apply depends on the database product (see sql/README.md).
 */
public final class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    private SchemaMigration() {
    }

    public static MigrateResult migrate(DataSource dataSource) {
        List<String> locations = locationsFor(productName(dataSource));
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .failOnMissingLocations(false)
                .validateMigrationNaming(true)
                .load()
                .migrate();
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now, from " + locations + ")");
        return result;
    }

    static List<String> locationsFor(String databaseProductName) {
        String product = databaseProductName.toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return List.of("classpath:db/migration/common", "classpath:db/migration/postgresql");
        }
        if (product.contains("h2")) {
            return List.of("classpath:db/migration/common", "classpath:db/migration/h2");
        }
        if (product.contains("oracle")) {
            return List.of("classpath:db/migration/oracle");
        }
        throw new IllegalStateException("No schema migrations for database '" + databaseProductName
                + "': the MDMS runs on PostgreSQL, Oracle and H2");
    }

    private static String productName(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate its schema", e);
        }
    }
}
