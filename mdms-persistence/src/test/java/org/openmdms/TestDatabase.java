package org.openmdms;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, migrated database for one test class: an in-memory H2 database, or a new schema in the
 * PostgreSQL test database when {@code -Dmdms.test.db=postgresql} (the CI runs both). The schema
 * is built by the real migrations through the persistence unit, so Hibernate's validation is tested
 * too.
 */
public final class TestDatabase implements AutoCloseable {

    private final String kind;
    private final String schema;
    private final String pgUrl;
    private final String pgUser;
    private final EntityManagerFactory emf;

    private TestDatabase() {
        kind = System.getProperty("mdms.test.db", "h2");
        schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        pgUrl = System.getProperty("mdms.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/mdms_test");
        pgUser = System.getProperty("mdms.test.pg.user", "postgres");
        Map<String, Object> properties = new HashMap<>();
        properties.put("hibernate.connection.datasource", dataSource());
        if (isPostgres()) {
            properties.put("hibernate.default_schema", schema);
        }
        emf = Persistence.createEntityManagerFactory("mdms-test", properties);
    }

    public static TestDatabase create() {
        return new TestDatabase();
    }

    public boolean isPostgres() {
        return "postgresql".equals(kind);
    }

    public DataSource dataSource() {
        if (isPostgres()) {
            createSchema();
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(pgUrl);
            ds.setUser(pgUser);
            ds.setCurrentSchema(schema);
            return ds;
        }
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    /** Runs the work in one transaction, committed at the end; the entity manager is closed after. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    public void run(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    private void createSchema() {
        try (Connection c = DriverManager.getConnection(pgUrl, pgUser, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test database not reachable at " + pgUrl
                    + " (create it with: createdb -h 127.0.0.1 -U postgres mdms_test)", e);
        }
    }

    @Override
    public void close() {
        emf.close();
        if (isPostgres()) {
            try (Connection c = DriverManager.getConnection(pgUrl, pgUser, "");
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
