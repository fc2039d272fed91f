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
        return intervalStoreFor(product(), dataSource);
    }

    /** The interval store for a database product name as JDBC reports it (PostgreSQL, H2, Oracle). */
    static IntervalStore intervalStoreFor(String product, DataSource dataSource) {
        String name = product.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return new PostgresIntervalStore(dataSource);
        }
        if (name.contains("h2")) {
            return new H2IntervalStore(dataSource);
        }
        if (name.contains("oracle")) {
            return new OracleIntervalStore(dataSource);
        }
        throw new IllegalStateException("No interval store for '" + product + "': PostgreSQL, Oracle and H2 have one");
    }

    @Produces
    RegisterReadStore registerReadStore() {
        return new RegisterReadStore(dataSource, product());
    }

    @Produces
    MeterEventStore meterEventStore() {
        return new MeterEventStore(dataSource, product());
    }

    @Produces
    PendingDayStore pendingDayStore() {
        return new PendingDayStore(dataSource, product());
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
