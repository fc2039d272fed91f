package org.openmdms.operations.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/** Makes the operations store for the server's datasource. */
@ApplicationScoped
public class OperationsStores {

    @Resource(lookup = "java:jboss/datasources/MdmsDS")
    DataSource dataSource;

    @Produces
    OperationsStore operationsStore() {
        return new OperationsStore(dataSource);
    }
}
