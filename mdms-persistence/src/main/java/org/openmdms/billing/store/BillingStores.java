package org.openmdms.billing.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Makes the JDBC stores of billing for the server's datasource. */
@ApplicationScoped
public class BillingStores {

    @Resource(lookup = "java:jboss/datasources/MdmsDS")
    DataSource dataSource;

    private String product;

    @Produces
    DeterminantStore determinantStore() {
        return new DeterminantStore(dataSource, product());
    }

    @Produces
    PostgresDeterminantSums determinantSums() {
        return new PostgresDeterminantSums(dataSource, product());
    }

    @Produces
    TariffCalendarStore tariffCalendarStore() {
        return new TariffCalendarStore(dataSource);
    }

    @Produces
    AccountHistoryStore accountHistoryStore() {
        return new AccountHistoryStore(dataSource);
    }

    private synchronized String product() {
        if (product == null) {
            try (Connection c = dataSource.getConnection()) {
                product = c.getMetaData().getDatabaseProductName();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot reach the database to choose the billing stores", e);
            }
        }
        return product;
    }
}
