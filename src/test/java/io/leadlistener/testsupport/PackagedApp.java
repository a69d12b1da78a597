package io.leadlistener.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) as a child process in the prod profile,
 * configured only from outside (system properties, as {@code @QuarkusIntegrationTest} passes them), for tests that
 * need what one {@code @QuarkusIntegrationTest} cannot give: several instances at once, or killing one.
 *
 * <p>It listens on ports of its own choosing ({@code quarkus.http.port=0} for the callback and APIs,
 * {@code quarkus.management.port=0} for health and metrics; both read back from its start-up line), so concurrent test
 * runs never collide. Its console goes to {@code target/packaged-apps/<name>.log}. Every instance
 * still running when the test JVM exits is killed by a shutdown hook; tests stop theirs in {@code finally}.
 */
public final class PackagedApp implements AutoCloseable {

    public static final Path RUNNER = Path.of("target", "quarkus-app", "quarkus-run.jar");
    public static final Path LOG_DIRECTORY = Path.of("target", "packaged-apps");

    private static final Pattern LISTENING = Pattern.compile("Listening on: https?://[^\\s:]+:(\\d+)");
    private static final Pattern MANAGEMENT_LISTENING =
            Pattern.compile("Management interface listening on https?://[^\\s:]+:(\\d+)");
    /** Children of this JVM that still run; only the shutdown hook and start/stop touch it. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "packaged-app-cleanup"));
    }

    private final String name;
    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile URI baseUri;
    private volatile URI managementUri;

    private PackagedApp(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Launches the application and waits until it is ready ({@code /q/health/ready} on its management interface
     * answers 200).
     *
     * @param name file-name-safe, used for the log file
     * @param config configuration keys and values, passed as system properties
     */
    public static PackagedApp start(String name, Map<String, String> config, Duration readyWithin) {
        PackagedApp app = launch(name, config);
        try {
            app.awaitReady(readyWithin);
            return app;
        } catch (RuntimeException | Error e) {
            app.kill();
            throw e;
        }
    }

    /** Launches the application without waiting for it; see {@link #awaitReady}. */
    public static PackagedApp launch(String name, Map<String, String> config) {
        if (!Files.isRegularFile(RUNNER)) {
            throw new IllegalStateException(RUNNER + " is missing: package the application first (./mvnw verify)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Faster start on a small CI machine; semantics are the jar's.
                "-Xmx256m", "-XX:TieredStopAtLevel=1"));
        Map<String, String> properties = new TreeMap<>(config);
        properties.putIfAbsent("quarkus.http.port", "0");
        properties.putIfAbsent("quarkus.management.port", "0");
        properties.putIfAbsent("quarkus.log.console.json.enabled", "false");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", RUNNER.toString()));
        try {
            Files.createDirectories(LOG_DIRECTORY);
            Path log = LOG_DIRECTORY.resolve(name + ".log");
            Files.deleteIfExists(log);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            RUNNING.add(process);
            return new PackagedApp(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not launch " + RUNNER, e);
        }
    }

    /** Waits until the application listens and reports ready; fails early, with its log, if it exits. */
    public PackagedApp awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready:\n"
                        + tail(40));
            }
            if (baseUri == null) {
                baseUri = loggedUri(LISTENING);
            }
            if (managementUri == null) {
                managementUri = loggedUri(MANAGEMENT_LISTENING);
            }
            if (baseUri != null && managementUri != null && managementStatus("/q/health/ready") == 200) {
                return this;
            }
            pause(Duration.ofMillis(100));
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + tail(40));
    }

    /** The public port: WeCom callbacks, the ingestion and admin APIs, the console. */
    public URI baseUri() {
        if (baseUri == null) {
            throw new IllegalStateException(name + " is not listening yet");
        }
        return baseUri;
    }

    /** The management interface: health, metrics, the OpenAPI document. */
    public URI managementUri() {
        if (managementUri == null) {
            throw new IllegalStateException(name + "'s management interface is not listening yet");
        }
        return managementUri;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * SIGKILL (on Linux {@link Process#destroyForcibly()} is {@code kill -9}): no shutdown hook, no graceful stop of
     * the worker or relay, open transactions die with their connections.
     *
     * @return the exit code, 137 for a SIGKILL
     */
    public int kill() {
        process.destroyForcibly();
        return awaitExit(Duration.ofSeconds(10));
    }

    /**
     * SIGTERM, as Kubernetes stops a pod, and waits for the exit.
     *
     * @return the exit code, or empty if it had not exited within {@code timeout} (it is then SIGKILLed)
     */
    public java.util.OptionalInt terminate(Duration timeout) {
        process.destroy();
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                RUNNING.remove(process);
                return java.util.OptionalInt.of(process.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
        RUNNING.remove(process);
        return java.util.OptionalInt.empty();
    }

    /** SIGTERM, as Kubernetes stops a pod; SIGKILL if it has not exited after 30 s. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        RUNNING.remove(process);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
        RUNNING.remove(process);
    }

    public Path log() {
        return log;
    }

    /** The console output so far. */
    public List<String> logLines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first group of every console line matching {@code pattern}, in order. */
    public List<String> logged(Pattern pattern) {
        List<String> found = new ArrayList<>();
        for (String line : logLines()) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                found.add(matcher.group(1));
            }
        }
        return found;
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    /** GET {@code path} on the management interface, the status or -1 when the application cannot be reached. */
    public int managementStatus(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(managementUri().resolve(path)).timeout(Duration.ofSeconds(5))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** GET {@code path} on the management interface: the body of a 200 answer, e.g. {@code /q/metrics}. */
    public String managementGet(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(managementUri().resolve(path)).timeout(Duration.ofSeconds(5))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " of " + name + " answered " + response.statusCode());
        }
        return response.body();
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", " + (baseUri == null ? "not listening" : baseUri)
                + (managementUri == null ? "" : ", management " + managementUri) + ")";
    }

    /** {@code http://localhost:<port>} of the first start-up line matching {@code listening}, or null before it. */
    private URI loggedUri(Pattern listening) {
        return logged(listening).stream().findFirst().map(port -> URI.create("http://localhost:" + port)).orElse(null);
    }

    /** Waits for the process to end on its own; @return its exit code (fails if it has not ended in time). */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name + " to exit", e);
        }
        RUNNING.remove(process);
        return process.exitValue();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
