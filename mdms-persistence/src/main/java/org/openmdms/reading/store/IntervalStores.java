package org.openmdms.reading.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** Chooses the interval store for the database the server's datasource points at. */
@ApplicationScoped
public class IntervalStores {

    @Resource(lookup = "java:jboss/datasources/MdmsDS")
    DataSource dataSource;

    @Produces
    @ApplicationScoped
    IntervalStore intervalStore() {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to choose the interval store", e);
        }
        if (product.contains("postgres")) {
            return new PostgresIntervalStore(dataSource);
        }
        if (product.contains("h2")) {
            return new H2IntervalStore(dataSource);
        }
        throw new IllegalStateException("No interval store for '" + product + "' yet: PostgreSQL and H2 have one;"
                + " Oracle's (array binds, MERGE ... WHEN MATCHED THEN UPDATE ... WHERE) is still to be written");
    }
}
