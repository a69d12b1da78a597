package io.leadlistener.localinfra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * What happens when a dev-mode JVM is SIGKILLed: no shutdown hook runs, yet the broker must go away on its
 * own (its stdin reaches EOF) and the orphaned PostgreSQL must be stopped by the next start.
 */
class KilledJvmCleanupTest {

    @Test
    void brokerDiesWithItsParentAndTheNextStartStopsTheOrphanedPostgres() throws Exception {
        LocalInfraSettings settings = LocalInfraSettings.forTests();
        Path parentLog = settings.localInfraRoot().resolve(settings.instanceName() + "-parent.log");
        Files.createDirectories(settings.localInfraRoot());
        Process parent = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                LocalInfraParentMain.class.getName(),
                settings.projectRoot().toString(),
                settings.instanceName()))
                .directory(settings.projectRoot().toFile())
                .redirectError(parentLog.toFile())
                .start();
        long brokerPid;
        long postmasterPid;
        try (BufferedReader stdout = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            String ready = readReadyLine(stdout);
            assertNotNull(ready, () -> "parent JVM did not start the servers; see " + parentLog + ":\n"
                    + LocalProcesses.tail(parentLog, 30));
            String[] pids = ready.substring(LocalInfraParentMain.READY_PREFIX.length()).split(" ");
            brokerPid = Long.parseLong(pids[0]);
            postmasterPid = Long.parseLong(pids[1]);
        } finally {
            parent.destroyForcibly();
        }
        assertTrue(parent.waitFor(10, TimeUnit.SECONDS));
        ProcessHandle broker = ProcessHandle.of(brokerPid).orElse(null);
        if (broker != null) {
            assertTrue(LocalProcesses.awaitExit(broker, Duration.ofSeconds(30)), "broker exits once its parent is gone");
        }
        assertTrue(isAlive(postmasterPid), "PostgreSQL is not a child JVM: it survives a SIGKILL of its parent");

        LocalInfraEndpoints endpoints = LocalInfrastructure.startOrReuse(settings);
        try {
            assertFalse(isAlive(postmasterPid), "the next start stopped the orphaned PostgreSQL");
            try (Connection connection = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.username(), endpoints.password())) {
                assertTrue(connection.isValid(5));
            }
        } finally {
            LocalInfrastructure.stop(settings);
        }
        Files.deleteIfExists(parentLog);
    }

    private static String readReadyLine(BufferedReader stdout) throws Exception {
        for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
            if (line.startsWith(LocalInfraParentMain.READY_PREFIX)) {
                return line;
            }
        }
        return null;
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
