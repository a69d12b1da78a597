package io.leadlistener.localinfra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

/**
 * A single-node KRaft Kafka broker (combined broker + controller) in a child JVM whose main class is
 * {@link BrokerProcessMain}. Files in its directory: {@code server.properties}, {@code broker.pid},
 * {@code broker.log} and the log segments under {@code data/}.
 */
final class KafkaBroker {

    private static final Logger LOG = Logger.getLogger(KafkaBroker.class);

    static final String PID_FILE = "broker.pid";
    static final String LOG_FILE = "broker.log";
    /** Logged by {@code KafkaRaftServer} once the broker accepts client requests. */
    static final String READY_MARKER = "Kafka Server started";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

    private KafkaBroker() {
    }

    /** Starts the broker and returns once it serves clients on {@code localhost:<port>}. */
    static void start(String classpath, Path directory, int port, int controllerPort)
            throws IOException, InterruptedException, TimeoutException {
        Files.createDirectories(directory);
        Path serverProperties = directory.resolve("server.properties");
        Files.writeString(serverProperties, serverProperties(directory.resolve("data"), port, controllerPort),
                StandardCharsets.UTF_8);
        launch(classpath, directory);
    }

    /**
     * Starts a stopped broker again from its directory: same ports, same data (fault tests stop and restart the
     * broker under a running application).
     */
    static void restart(String classpath, Path directory) throws IOException, InterruptedException, TimeoutException {
        if (!Files.exists(directory.resolve("server.properties"))) {
            throw new IllegalStateException("no broker was started in " + directory);
        }
        launch(classpath, directory);
    }

    private static void launch(String classpath, Path directory)
            throws IOException, InterruptedException, TimeoutException {
        Path serverProperties = directory.resolve("server.properties");
        Path log = directory.resolve(LOG_FILE);
        List<String> command = List.of(
                javaExecutable(),
                // The broker wants ~1 GB by default; a dev/test broker is happy with far less on a small machine.
                "-Xmx256m",
                "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                // Each component dumps its full configuration at INFO: hundreds of lines per start.
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.config.AbstractConfig=warn",
                BrokerProcessMain.class.getName(),
                serverProperties.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Not -cp: a command line that long gets truncated when read back through /proc, and the main
        // class name must stay visible there to recognise our broker by its pid (see stop()).
        builder.environment().put("CLASSPATH", classpath);
        // stdin stays a pipe whose write end only this JVM holds: see BrokerProcessMain.
        Process broker = builder.start();
        LocalProcesses.writePid(directory.resolve(PID_FILE), broker.pid());
        keepStdinOpen(broker, directory);
        awaitReady(broker, log);
    }

    /** Stops the broker recorded in {@code directory}, if it still runs; safe to call from any JVM. */
    static void stop(Path directory) {
        LocalProcesses.liveProcess(directory.resolve(PID_FILE), BrokerProcessMain.class.getName())
                .ifPresent(broker -> LocalProcesses.terminate(broker, SHUTDOWN_GRACE));
    }

    static boolean isRunning(Path directory) {
        return LocalProcesses.liveProcess(directory.resolve(PID_FILE), BrokerProcessMain.class.getName()).isPresent();
    }

    private static String serverProperties(Path dataDirectory, int port, int controllerPort) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDirectory.toAbsolutePath().toString().replace('\\', '/'),
                "num.partitions=1",
                "auto.create.topics.enable=true",
                // One node: every internal topic must be satisfiable by a single replica.
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // Consumers in tests and dev mode join at once instead of waiting 3 s for more members.
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    /**
     * A thread that holds the {@link Process}, and with it the write end of the broker's stdin, for as long
     * as the broker runs: after a dev-mode live reload nothing else references it, and a closed pipe is
     * what makes the broker exit.
     */
    private static void keepStdinOpen(Process broker, Path directory) {
        Thread holder = new Thread(() -> {
            try {
                int exitCode = broker.waitFor();
                LOG.debugf("Kafka broker in %s (pid %d) exited with code %d", directory, broker.pid(), exitCode);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "local-kafka-broker-" + broker.pid());
        holder.setDaemon(true);
        holder.start();
    }

    private static void awaitReady(Process broker, Path log) throws IOException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        LogScanner scanner = new LogScanner(log, READY_MARKER);
        while (!scanner.foundMarker()) {
            if (!broker.isAlive()) {
                throw new IOException("Kafka broker exited with code " + broker.exitValue() + " during startup; "
                        + log + " ends with:\n" + LocalProcesses.tail(log, 30));
            }
            if (System.nanoTime() > deadline) {
                LocalProcesses.terminate(broker.toHandle(), SHUTDOWN_GRACE);
                throw new TimeoutException("Kafka broker not ready after " + STARTUP_TIMEOUT.toSeconds() + " s; "
                        + log + " ends with:\n" + LocalProcesses.tail(log, 30));
            }
            Thread.sleep(50);
        }
    }

    private static String javaExecutable() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
    }

    /** Reads only what was appended since the last look: the broker log grows to thousands of lines. */
    private static final class LogScanner {
        private final Path log;
        private final String marker;
        private long position;
        private String carry = "";

        LogScanner(Path log, String marker) {
            this.log = log;
            this.marker = marker;
        }

        boolean foundMarker() throws IOException {
            if (!Files.exists(log)) {
                return false;
            }
            try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                long length = file.length();
                if (length <= position) {
                    return false;
                }
                byte[] appended = new byte[(int) (length - position)];
                file.seek(position);
                file.readFully(appended);
                position = length;
                String text = carry + new String(appended, StandardCharsets.ISO_8859_1);
                if (text.contains(marker)) {
                    return true;
                }
                // Keep enough to find a marker split across two reads.
                carry = text.substring(Math.max(0, text.length() - marker.length()));
                return false;
            }
        }
    }
}
