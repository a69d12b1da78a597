package io.leadlistener.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LocalInfraTestResourceTest {

    @Test
    void durablePostgresOnRequestAndEverythingStoppedAfterwards() throws Exception {
        LocalInfraTestResource resource = new LocalInfraTestResource();
        resource.init(Map.of(LocalInfraTestResource.DURABLE_POSTGRES_ARG, "true"));
        Map<String, String> config = resource.start();
        try {
            assertEquals(Set.of("quarkus.datasource.jdbc.url", "quarkus.datasource.username",
                    "quarkus.datasource.password", "kafka.bootstrap.servers"), config.keySet());
            try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                    config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                    Statement statement = connection.createStatement()) {
                assertEquals("on", show(statement, "fsync"));
                assertEquals("on", show(statement, "synchronous_commit"));
            }
        } finally {
            resource.stop();
        }
        String bootstrap = config.get("kafka.bootstrap.servers");
        assertTrue(isFree(Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1))));
        assertFalse(canConnect(config));
    }

    private static String show(Statement statement, String setting) throws Exception {
        try (ResultSet rows = statement.executeQuery("SHOW " + setting)) {
            assertTrue(rows.next());
            return rows.getString(1);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean canConnect(Map<String, String> config) {
        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"))) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
