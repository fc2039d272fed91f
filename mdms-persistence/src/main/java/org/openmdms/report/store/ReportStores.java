package org.openmdms.report.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/** Makes the report store for the server's datasource. */
@ApplicationScoped
public class ReportStores {

    @Resource(lookup = "java:jboss/datasources/MdmsDS")
    DataSource dataSource;

    @Produces
    ReportStore reportStore() {
        return new ReportStore(dataSource);
    }
}
