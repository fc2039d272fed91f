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
            product = c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to choose the interval store", e);
        }
        return forProduct(product, dataSource);
    }

    /** The store for a database product name as JDBC reports it (PostgreSQL, H2, Oracle). */
    static IntervalStore forProduct(String product, DataSource dataSource) {
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
}
