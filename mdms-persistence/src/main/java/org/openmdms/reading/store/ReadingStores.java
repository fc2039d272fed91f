package org.openmdms.reading.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Chooses the reading stores (interval reads, register reads, meter events) for the database the
 * server's datasource points at.
 */
@ApplicationScoped
public class ReadingStores {

    @Resource(lookup = "java:jboss/datasources/MdmsDS")
    DataSource dataSource;

    private String product;

    @Produces
    @ApplicationScoped
    IntervalStore intervalStore() {
        String name = product().toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return new PostgresIntervalStore(dataSource);
        }
        if (name.contains("h2")) {
            return new H2IntervalStore(dataSource);
        }
        throw new IllegalStateException("No interval store for '" + name + "' yet: PostgreSQL and H2 have one;"
                + " Oracle's (array binds, MERGE ... WHEN MATCHED THEN UPDATE ... WHERE) is still to be written");
    }

    @Produces
    RegisterReadStore registerReadStore() {
        return new RegisterReadStore(dataSource, product());
    }

    @Produces
    MeterEventStore meterEventStore() {
        return new MeterEventStore(dataSource, product());
    }

    /** The database product name, asked once. */
    private synchronized String product() {
        if (product == null) {
            try (Connection c = dataSource.getConnection()) {
                product = c.getMetaData().getDatabaseProductName();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot reach the database to choose the reading stores", e);
            }
        }
        return product;
    }
}
