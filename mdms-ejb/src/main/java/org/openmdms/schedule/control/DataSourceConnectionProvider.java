package org.openmdms.schedule.control;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Hands Quartz's job store the connections of a datasource the caller owns (the server's non-JTA
 * MdmsQuartzDS, or a test's), so Quartz neither looks anything up nor pools connections itself.
 */
public final class DataSourceConnectionProvider implements ConnectionProvider {

    private final DataSource dataSource;

    private DataSourceConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Registers the datasource under {@link QuartzProperties#DATA_SOURCE}, before the scheduler is made. */
    public static void register(DataSource dataSource) {
        DBConnectionManager.getInstance().addConnectionProvider(QuartzProperties.DATA_SOURCE,
                new DataSourceConnectionProvider(dataSource));
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
        // the datasource belongs to the server (or the test), which closes it
    }

    @Override
    public void initialize() {
    }
}
