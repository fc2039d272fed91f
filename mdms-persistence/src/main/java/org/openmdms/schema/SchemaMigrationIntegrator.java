package org.openmdms.schema;

import javax.sql.DataSource;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Runs the schema migrations while Hibernate builds the session factory, after it has its data
 * source and before it validates the mapping against the schema. A {@code @Startup} bean would run
 * after validation and fail on an empty database. Only units with {@code mdms.schema.migrate=true}
 * are migrated.
 */
public class SchemaMigrationIntegrator implements Integrator {

    static final String MIGRATE = "mdms.schema.migrate";

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
            SessionFactoryImplementor sessionFactory) {
        if (!"true".equals(String.valueOf(sessionFactory.getProperties().get(MIGRATE)))) {
            return;
        }
        DataSource dataSource = sessionFactory.getServiceRegistry()
                .requireService(ConnectionProvider.class)
                .unwrap(DataSource.class);
        SchemaMigration.migrate(dataSource);
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        // nothing to undo: the schema stays migrated
    }
}
