package io.leadlistener.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class LocalInfrastructureTest {

    private static final String TOPIC = "local-infra-roundtrip";

    @Test
    void startsRealServersReusesThemAndLeavesNothingBehind() throws Exception {
        LocalInfraSettings settings = LocalInfraSettings.forTests();
        LocalInfraEndpoints endpoints = LocalInfrastructure.startOrReuse(settings);
        long brokerPid = LocalInfrastructure.brokerPid(settings).orElseThrow();
        long postmasterPid = LocalInfrastructure.postmasterPid(settings).orElseThrow();
        try {
            assertEquals(endpoints, LocalInfrastructure.startOrReuse(settings), "second call reuses the running servers");
            assertEquals(brokerPid, LocalInfrastructure.brokerPid(settings).orElseThrow());

            assertPostgresWorks(endpoints);
            assertKafkaRoundTrip(endpoints.kafkaBootstrapServers());
        } finally {
            LocalInfrastructure.stop(settings);
        }

        assertFalse(ProcessHandle.of(brokerPid).map(ProcessHandle::isAlive).orElse(false), "broker child process gone");
        assertFalse(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false), "postmaster gone");
        assertTrue(LocalProcesses.isPortFree(port(endpoints.kafkaBootstrapServers())), "Kafka port free");
        assertTrue(LocalProcesses.isPortFree(postgresPort(endpoints.jdbcUrl())), "PostgreSQL port free");
        assertFalse(Files.exists(settings.workDirectory()), "data directories removed");
    }

    private static void assertPostgresWorks(LocalInfraEndpoints endpoints) throws SQLException {
        try (Connection connection = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.username(), endpoints.password());
                Statement statement = connection.createStatement()) {
            assertEquals(1, singleInt(statement, "SELECT 1"));
            assertEquals("leadlistener", singleString(statement, "SELECT current_database()"));
            // Embedded PostgreSQL's fast default; durable runs are covered by LocalInfraTestResourceTest.
            assertEquals("off", singleString(statement, "SHOW fsync"));
            statement.execute("CREATE TABLE lead (id bigint PRIMARY KEY, name text NOT NULL)");
            statement.execute("INSERT INTO lead VALUES (1, 'first'), (2, 'second')");
            assertEquals(2, singleInt(statement, "SELECT count(*) FROM lead"));
        }
    }

    private static void assertKafkaRoundTrip(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "lead-1", "hello")).get(30, TimeUnit.SECONDS);
        }
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
            assertEquals(1, received.size());
            assertEquals("lead-1", received.get(0).key());
            assertEquals("hello", received.get(0).value());
        }
    }

    private static int singleInt(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next());
            return rows.getInt(1);
        }
    }

    private static String singleString(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next());
            return rows.getString(1);
        }
    }

    static int port(String hostAndPort) {
        return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
    }

    static int postgresPort(String jdbcUrl) {
        return URI.create(jdbcUrl.substring("jdbc:".length())).getPort();
    }
}
