package io.leadlistener.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

/**
 * A packaged Quarkus application ({@code quarkus-run.jar}, prod profile) run as a child JVM on a local port (and its
 * management interface — health, metrics — on another), configured only through its environment, as an operator
 * would; its output goes to a log file.
 */
final class ChildJvm implements AutoCloseable {

    final String label;
    final int port;
    final int managementPort;
    private final Process process;
    private final Path log;

    private ChildJvm(String label, int port, int managementPort, Process process, Path log) {
        this.label = label;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.log = log;
    }

    static ChildJvm start(String label, Path jar, List<String> jvmArgs, Map<String, String> environment, int port,
                          int managementPort, Path log) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (see docs/benchmarks.md)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        // Run from the app's directory, as the image does (WORKDIR /deployments): the image's AppCDS archive
        // (-XX:SharedArchiveFile=app-cds.jsa) and the class path recorded in it are relative to it.
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(jar.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // As in deploy/Dockerfile: glibc's default of 8 malloc arenas per core holds tens of MB of native memory that
        // a JVM with few threads never needs.
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // Health and metrics are on the management interface (ignored by an app without one, like the bare endpoint).
        builder.environment().put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        Process process = builder.start();
        // An interrupted harness (Ctrl-C, its time bound) must not leave the app listening behind it.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-" + label));
        return new ChildJvm(label, port, managementPort, process, log);
    }

    long pid() {
        return process.pid();
    }

    /** Polls {@code GET /q/health/ready} on the management interface until it answers 200. */
    void awaitReady(Duration timeout) throws InterruptedException {
        awaitReady(timeout, Duration.ofMillis(200));
    }

    /** As {@link #awaitReady(Duration)}, asking every {@code pollEvery} (a start-up timed to a few ms asks often). */
    void awaitReady(Duration timeout, Duration pollEvery) throws InterruptedException {
        awaitHttp(managementPort, "GET", "/q/health/ready", status -> status == 200, timeout, pollEvery);
    }

    /**
     * Polls {@code method path} on the public port until {@code ready} accepts the status, or fails with the log's
     * location.
     */
    void awaitHttp(String method, String path, IntPredicate ready, Duration timeout) throws InterruptedException {
        awaitHttp(port, method, path, ready, timeout, Duration.ofMillis(200));
    }

    private void awaitHttp(int listeningOn, String method, String path, IntPredicate ready, Duration timeout,
                           Duration pollEvery) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listeningOn + path))
                .timeout(Duration.ofSeconds(5))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(label + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (ready.test(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode())) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(pollEvery.toMillis());
        }
        throw new IllegalStateException(label + " not ready after " + timeout + "; see " + log);
    }

    /** Resident set size from {@code /proc/<pid>/status} (VmRSS), in KiB; -1 once the process is gone. */
    long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return -1;
    }

    /** SIGTERM (Quarkus shuts down gracefully, a flight recording is dumped), SIGKILL after 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
