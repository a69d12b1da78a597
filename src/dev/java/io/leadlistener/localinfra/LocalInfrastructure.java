package io.leadlistener.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

/**
 * Starts, reuses and stops a real PostgreSQL and a real single-node Kafka broker for dev mode and tests.
 *
 * <p>Dev mode creates a new class loader on every live reload, so static state of this class does not
 * survive one. What must be shared lives where every class loader of the JVM sees it:
 * <ul>
 * <li>which instances run, and their endpoints: system properties {@code io.leadlistener.localinfra.<name>.*};
 * <li>process ids: {@code owner.pid} (the JVM that started them), {@code kafka/broker.pid} and
 * {@code postgres/postmaster.pid} in the instance's work directory, which also lets the next JVM clean up
 * after one that was killed;
 * <li>mutual exclusion: {@link #JVM_WIDE_LOCK}.
 * </ul>
 */
public final class LocalInfrastructure {

    private static final Logger LOG = Logger.getLogger(LocalInfrastructure.class);

    /** String literals are interned JVM-wide, so each class loader's copy of this class locks the same object. */
    private static final String JVM_WIDE_LOCK = "io.leadlistener.localinfra.LocalInfrastructure";

    /**
     * Not under {@code leadlistener.}: system properties are configuration too, and the application's
     * {@code @ConfigMapping(prefix = "leadlistener")} rejects keys it does not know.
     */
    private static final String PROPERTY_PREFIX = "io.leadlistener.localinfra.";
    private static final String HOOK_REGISTERED_PROPERTY = PROPERTY_PREFIX + "shutdown-hook-registered";
    private static final String WORK_DIR = ".work-dir";
    private static final String JDBC_URL = ".jdbc-url";
    private static final String USERNAME = ".username";
    private static final String PASSWORD = ".password";
    private static final String KAFKA_BOOTSTRAP_SERVERS = ".kafka-bootstrap-servers";

    static final String OWNER_PID_FILE = "owner.pid";
    static final String POSTGRES_DIR = "postgres";
    static final String KAFKA_DIR = "kafka";
    private static final String POSTGRES_LOG = "postgres.log";
    private static final String POSTMASTER_PID_FILE = "postmaster.pid";

    private static final Duration POSTGRES_SHUTDOWN_GRACE = Duration.ofSeconds(15);
    /** An orphaned broker notices its parent's death by stdin EOF, then needs a moment to shut down. */
    private static final Duration FIXED_PORT_RELEASE_WAIT = Duration.ofSeconds(30);

    private LocalInfrastructure() {
    }

    /**
     * Returns the endpoints of the instance named in {@code settings}, starting its two servers (in
     * parallel) unless this JVM already runs them. Servers left behind by a killed JVM are stopped first.
     *
     * @throws IllegalStateException if a server does not come up; the log files under the instance's work
     *     directory say why
     */
    public static LocalInfraEndpoints startOrReuse(LocalInfraSettings settings) {
        synchronized (JVM_WIDE_LOCK) {
            String name = settings.instanceName();
            Optional<LocalInfraEndpoints> registered = registeredEndpoints(name);
            if (registered.isPresent()) {
                if (serversRunning(settings.workDirectory())) {
                    return registered.get();
                }
                LOG.warnf("Local infrastructure '%s' was registered but a server is gone; starting it again", name);
                stop(name);
            }
            stopAbandonedInstances(settings.localInfraRoot());
            replacePreviousRun(settings.workDirectory());
            registerShutdownHookOnce();
            long startNanos = System.nanoTime();
            // Registered before launch, so the shutdown hook also cleans up a start cut short by JVM exit.
            System.setProperty(PROPERTY_PREFIX + name + WORK_DIR, settings.workDirectory().toString());
            LocalInfraEndpoints endpoints;
            try {
                endpoints = launch(settings);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                stop(name);
                throw new IllegalStateException("Could not start local infrastructure '" + name + "' in "
                        + settings.workDirectory() + ": " + e.getMessage(), e);
            }
            register(name, endpoints);
            LOG.infof("Local infrastructure '%s' ready in %d ms: PostgreSQL %s (user %s), Kafka %s",
                    name, Duration.ofNanos(System.nanoTime() - startNanos).toMillis(),
                    endpoints.jdbcUrl(), endpoints.username(), endpoints.kafkaBootstrapServers());
            return endpoints;
        }
    }

    /** Stops the instance named in {@code settings} and deletes its files; a no-op if it does not run. */
    public static void stop(LocalInfraSettings settings) {
        stop(settings.instanceName());
    }

    public static void stop(String instanceName) {
        synchronized (JVM_WIDE_LOCK) {
            String workDirectory = System.getProperty(PROPERTY_PREFIX + instanceName + WORK_DIR);
            unregister(instanceName);
            if (workDirectory != null) {
                stopServers(Path.of(workDirectory));
            }
        }
    }

    /** Stops only the Kafka broker of a running instance, keeping its data: for broker-outage tests. */
    public static void stopKafka(String instanceName) {
        KafkaBroker.stop(kafkaDirectory(instanceName));
    }

    /** Starts the broker of {@link #stopKafka stopped} instance again, on the same ports with the same data. */
    public static void restartKafka(String instanceName) {
        Path kafkaDirectory = kafkaDirectory(instanceName);
        Path localInfraRoot = kafkaDirectory.getParent().getParent();
        try {
            KafkaBroker.restart(BrokerClasspath.resolve(localInfraRoot.getParent().getParent(), localInfraRoot),
                    kafkaDirectory);
        } catch (Exception e) {
            throw new IllegalStateException("could not restart the Kafka broker of " + instanceName, e);
        }
    }

    /** Names of the instances this JVM started and that still run (tests use it to find their own). */
    public static List<String> runningInstances() {
        String suffix = WORK_DIR;
        return System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith(PROPERTY_PREFIX) && name.endsWith(suffix))
                .map(name -> name.substring(PROPERTY_PREFIX.length(), name.length() - suffix.length()))
                .sorted()
                .toList();
    }

    private static Path kafkaDirectory(String instanceName) {
        String workDirectory = System.getProperty(PROPERTY_PREFIX + instanceName + WORK_DIR);
        if (workDirectory == null) {
            throw new IllegalArgumentException("no local infrastructure instance '" + instanceName + "' runs here");
        }
        return Path.of(workDirectory).resolve(KAFKA_DIR);
    }

    private static LocalInfraEndpoints launch(LocalInfraSettings settings) throws Exception {
        Path workDirectory = settings.workDirectory();
        Files.createDirectories(workDirectory);
        LocalProcesses.writePid(workDirectory.resolve(OWNER_PID_FILE), ProcessHandle.current().pid());

        int[] freePorts = LocalProcesses.freePorts(3);
        int postgresPort = settings.postgresPort() != 0 ? settings.postgresPort() : freePorts[0];
        int kafkaPort = settings.kafkaPort() != 0 ? settings.kafkaPort() : freePorts[1];
        int controllerPort = settings.kafkaControllerPort() != 0 ? settings.kafkaControllerPort() : freePorts[2];

        FutureTask<Long> postgres = new FutureTask<>(() -> EmbeddedPostgresLauncher.start(
                workDirectory.resolve(POSTGRES_DIR), workDirectory.resolve(POSTGRES_LOG), postgresPort,
                settings.durablePostgres()));
        Thread postgresStarter = new Thread(postgres, "local-postgres-start-" + settings.instanceName());
        postgresStarter.start();
        Exception kafkaFailure = null;
        try {
            requireFreePorts(settings, kafkaPort, controllerPort);
            String classpath = BrokerClasspath.resolve(settings.projectRoot(), settings.localInfraRoot());
            KafkaBroker.start(classpath, workDirectory.resolve(KAFKA_DIR), kafkaPort, controllerPort);
        } catch (Exception e) {
            kafkaFailure = e;
        }
        // Even when Kafka failed: cleaning up while PostgreSQL is still starting would race with it.
        try {
            awaitStarted(postgres);
        } catch (Exception postgresFailure) {
            if (kafkaFailure == null) {
                throw postgresFailure;
            }
            kafkaFailure.addSuppressed(postgresFailure);
        }
        if (kafkaFailure != null) {
            throw kafkaFailure;
        }
        return new LocalInfraEndpoints(
                "jdbc:postgresql://localhost:" + postgresPort + "/" + EmbeddedPostgresLauncher.DATABASE,
                EmbeddedPostgresLauncher.USERNAME,
                // Trust authentication accepts any password; some clients insist on having one.
                "postgres",
                "localhost:" + kafkaPort);
    }

    private static void awaitStarted(FutureTask<Long> postgres) throws Exception {
        try {
            postgres.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Fixed ports (dev mode) may still be held by a broker whose JVM was just killed: give it time to exit. */
    private static void requireFreePorts(LocalInfraSettings settings, int... ports) throws InterruptedException {
        boolean fixed = settings.kafkaPort() != 0 || settings.kafkaControllerPort() != 0;
        for (int port : ports) {
            if (!LocalProcesses.awaitPortFree(port, fixed ? FIXED_PORT_RELEASE_WAIT : Duration.ZERO)) {
                throw new IllegalStateException("Port " + port + " is in use by another process; the local Kafka"
                        + " broker needs it (find the process with: ss -ltnp 'sport = :" + port + "')");
            }
        }
    }

    private static boolean serversRunning(Path workDirectory) {
        return KafkaBroker.isRunning(workDirectory.resolve(KAFKA_DIR))
                && LocalProcesses.isAlive(LocalProcesses.readPid(
                        workDirectory.resolve(POSTGRES_DIR).resolve(POSTMASTER_PID_FILE)));
    }

    /** Servers whose JVM died without running its shutdown hook (SIGKILL, a crashed test fork). */
    private static void stopAbandonedInstances(Path localInfraRoot) {
        if (!Files.isDirectory(localInfraRoot)) {
            return;
        }
        try (DirectoryStream<Path> instances = Files.newDirectoryStream(localInfraRoot, Files::isDirectory)) {
            for (Path workDirectory : instances) {
                OptionalLong owner = LocalProcesses.readPid(workDirectory.resolve(OWNER_PID_FILE));
                if (owner.isPresent() && !LocalProcesses.isAlive(owner)) {
                    LOG.infof("Stopping local servers left behind by JVM %d in %s", owner.getAsLong(), workDirectory);
                    stopServers(workDirectory);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The instance's directory is fixed (always so for dev mode): whatever still runs there belongs to an
     * earlier start, possibly of another JVM that is still alive; the servers now belong to this JVM.
     */
    private static void replacePreviousRun(Path workDirectory) {
        if (!Files.exists(workDirectory)) {
            return;
        }
        OptionalLong owner = LocalProcesses.readPid(workDirectory.resolve(OWNER_PID_FILE));
        if (LocalProcesses.isAlive(owner) && owner.getAsLong() != ProcessHandle.current().pid()) {
            LOG.warnf("JVM %d runs local servers in %s; replacing them with this JVM's", owner.getAsLong(), workDirectory);
        }
        stopServers(workDirectory);
    }

    /** Broker, then PostgreSQL, then the files, which can only go once both servers have let go of them. */
    private static void stopServers(Path workDirectory) {
        KafkaBroker.stop(workDirectory.resolve(KAFKA_DIR));
        LocalProcesses.liveProcess(workDirectory.resolve(POSTGRES_DIR).resolve(POSTMASTER_PID_FILE), "postgres")
                .ifPresent(postmaster -> LocalProcesses.interrupt(postmaster, POSTGRES_SHUTDOWN_GRACE));
        try {
            LocalProcesses.deleteTree(workDirectory);
        } catch (IOException e) {
            LOG.warnf("Could not delete %s: %s", workDirectory, e);
        }
    }

    private static void registerShutdownHookOnce() {
        if (System.getProperty(HOOK_REGISTERED_PROPERTY) != null) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(LocalInfrastructure::stopAllOwnedByThisJvm, "local-infra-shutdown"));
        System.setProperty(HOOK_REGISTERED_PROPERTY, "true");
    }

    /**
     * No lock here: a start in progress holds it for up to a minute, and the JVM is going away anyway.
     * Instances another JVM took over since (see {@link #replacePreviousRun}) are left alone.
     */
    private static void stopAllOwnedByThisJvm() {
        long self = ProcessHandle.current().pid();
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith(PROPERTY_PREFIX) && key.endsWith(WORK_DIR)) {
                Path workDirectory = Path.of(System.getProperty(key));
                OptionalLong owner = LocalProcesses.readPid(workDirectory.resolve(OWNER_PID_FILE));
                if (owner.isPresent() && owner.getAsLong() == self) {
                    stopServers(workDirectory);
                }
            }
        }
    }

    private static Optional<LocalInfraEndpoints> registeredEndpoints(String name) {
        String jdbcUrl = System.getProperty(PROPERTY_PREFIX + name + JDBC_URL);
        String bootstrapServers = System.getProperty(PROPERTY_PREFIX + name + KAFKA_BOOTSTRAP_SERVERS);
        if (jdbcUrl == null || bootstrapServers == null) {
            return Optional.empty();
        }
        return Optional.of(new LocalInfraEndpoints(jdbcUrl,
                System.getProperty(PROPERTY_PREFIX + name + USERNAME),
                System.getProperty(PROPERTY_PREFIX + name + PASSWORD),
                bootstrapServers));
    }

    private static void register(String name, LocalInfraEndpoints endpoints) {
        System.setProperty(PROPERTY_PREFIX + name + USERNAME, endpoints.username());
        System.setProperty(PROPERTY_PREFIX + name + PASSWORD, endpoints.password());
        System.setProperty(PROPERTY_PREFIX + name + KAFKA_BOOTSTRAP_SERVERS, endpoints.kafkaBootstrapServers());
        // Last: its presence is what marks the instance as started.
        System.setProperty(PROPERTY_PREFIX + name + JDBC_URL, endpoints.jdbcUrl());
    }

    private static void unregister(String name) {
        for (String suffix : new String[] {JDBC_URL, USERNAME, PASSWORD, KAFKA_BOOTSTRAP_SERVERS, WORK_DIR}) {
            System.clearProperty(PROPERTY_PREFIX + name + suffix);
        }
    }

    /** Package-private for tests: the broker's pid, while it runs. */
    static OptionalLong brokerPid(LocalInfraSettings settings) {
        return LocalProcesses.readPid(settings.workDirectory().resolve(KAFKA_DIR).resolve(KafkaBroker.PID_FILE));
    }

    static OptionalLong postmasterPid(LocalInfraSettings settings) {
        return LocalProcesses.readPid(settings.workDirectory().resolve(POSTGRES_DIR).resolve(POSTMASTER_PID_FILE));
    }
}
