package org.openmdms.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A WildFly a test starts, kills and restarts itself (the Arquillian server cannot be killed): the
 * build's configured server with a base folder of its own (configuration, deployments, data, log),
 * the EAR deployed by file, its own port offset, and the bootstrap administrator of the other tests.
 */
final class StandaloneServer {

    private final Path base;
    private final int portOffset;
    private final List<String> properties;
    private Process process;

    StandaloneServer(Path base, int portOffset, List<String> properties) {
        this.base = base;
        this.portOffset = portOffset;
        this.properties = properties;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + (8080 + portOffset) + "/mdms";
    }

    /** Copies the configured server's configuration and the EAR into a fresh base folder. */
    void prepare() throws IOException {
        Path jbossHome = Path.of(System.getProperty("mdms.jboss.home"));
        deleteRecursively(base);
        Path configuration = Files.createDirectories(base.resolve("configuration"));
        try (Stream<Path> files = Files.list(jbossHome.resolve("standalone/configuration"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, configuration.resolve(file.getFileName()));
            }
        }
        Files.copy(Path.of(System.getProperty("mdms.ear", "target/mdms.ear")),
                Files.createDirectories(base.resolve("deployments")).resolve("mdms.ear"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Starts the server and waits until the application answers. */
    void start() throws IOException, InterruptedException {
        Path jbossHome = Path.of(System.getProperty("mdms.jboss.home"));
        List<String> command = new ArrayList<>(List.of(jbossHome.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-mdms.xml", "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + portOffset));
        // The other tests' administrator and no demo, unless the test says otherwise.
        if (properties.stream().noneMatch(p -> p.startsWith("-Dmdms.demo="))) {
            command.add("-Dmdms.bootstrap.admin.password=" + Deployments.ADMIN_PASSWORD);
            command.add("-Dmdms.demo=false");
        }
        command.addAll(properties);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(base.resolve("console.log").toFile());
        builder.environment().put("JAVA_OPTS", "-Xms256m -Xmx1g -Djava.awt.headless=true");
        process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server stopped; see " + base.resolve("log/server.log"));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login.xhtml"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("The server did not answer within 240 s; see " + base.resolve("log/server.log"));
    }

    /** Kills the server's JVM with SIGKILL, as a power cut or the OOM killer would: no shutdown hooks run. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
            while (process.descendants().anyMatch(ProcessHandle::isAlive)) {
                Thread.sleep(100);
            }
        }
    }

    /**
     * Stops the server (SIGTERM to its JVM: a clean shutdown), and kills what is still alive after
     * 60 s. The JVM is waited for, not only the script that started it: the script ends at once, and
     * a JVM left behind would hold the ports for the next test.
     */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new java.util.ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (all.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        while (all.stream().anyMatch(ProcessHandle::isAlive)) {
            Thread.sleep(100);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
