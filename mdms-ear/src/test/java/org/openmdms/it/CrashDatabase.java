package org.openmdms.it;

import java.io.IOException;
import java.net.URI;

/** A fresh PostgreSQL database beside the test database, made with psql (trust authentication, user postgres). */
final class CrashDatabase {

    private CrashDatabase() {
    }

    /** Drops and creates {@code name} on the server of {@code testUrl}; returns its JDBC URL. */
    static String fresh(String testUrl, String name) throws IOException, InterruptedException {
        URI uri = URI.create(testUrl.substring("jdbc:".length()));
        String host = uri.getHost();
        String port = String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort());
        psql(host, port, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        psql(host, port, "CREATE DATABASE " + name);
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    private static void psql(String host, String port, String sql) throws IOException, InterruptedException {
        Process psql = new ProcessBuilder("psql", "-h", host, "-p", port, "-U", "postgres", "-q", "-c", sql)
                .redirectErrorStream(true).start();
        String output = new String(psql.getInputStream().readAllBytes());
        if (psql.waitFor() != 0) {
            throw new IllegalStateException("psql " + sql + ": " + output);
        }
    }
}
