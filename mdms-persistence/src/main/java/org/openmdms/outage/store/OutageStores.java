package org.openmdms.outage.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Makes the outage store for the server's datasource. */
@ApplicationScoped
public class OutageStores {

    @Resource(lookup = "java:jboss/datasources/MdmsDS")
    DataSource dataSource;

    private OutageStore store;

    @Produces
    synchronized OutageStore outageStore() {
        if (store == null) {
            try (Connection c = dataSource.getConnection()) {
                store = new OutageStore(dataSource, c.getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot reach the database to make the outage store", e);
            }
        }
        return store;
    }
}
