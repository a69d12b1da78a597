package io.leadlistener.testsupport;

import io.leadlistener.localinfra.LocalInfraEndpoints;
import io.leadlistener.localinfra.LocalInfraSettings;
import io.leadlistener.localinfra.LocalInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What packaged applications launched by a test ({@link PackagedApp}) run against: one real PostgreSQL and Kafka
 * broker per test JVM, started on first use and stopped when the test run ends, and for each test its own fresh
 * database and topic, so tests neither see each other's rows and records nor pay for a second broker.
 *
 * <p>Use with {@code @ExtendWith(PackagedAppEnvironment.class)} and a {@link Scope} parameter.
 */
public final class PackagedAppEnvironment implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Scope.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SharedServers servers = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedServers.class, key -> new SharedServers(), SharedServers.class);
        String name = context.getRequiredTestClass().getSimpleName().toLowerCase() + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        return servers.newScope(name);
    }

    /** The servers of this test JVM; closed by JUnit at the end of the run. */
    static final class SharedServers implements AutoCloseable {

        private final LocalInfraSettings settings = LocalInfraSettings.forTests();
        private final LocalInfraEndpoints endpoints = LocalInfrastructure.startOrReuse(settings);

        Scope newScope(String name) {
            try (Connection connection = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.username(),
                    endpoints.password());
                 Statement statement = connection.createStatement()) {
                statement.execute("create database " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create database " + name, e);
            }
            String jdbcUrl = endpoints.jdbcUrl().substring(0, endpoints.jdbcUrl().lastIndexOf('/') + 1) + name;
            return new Scope(name, new LocalInfraEndpoints(jdbcUrl, endpoints.username(), endpoints.password(),
                    endpoints.kafkaBootstrapServers()), "crm.lead-events." + name, settings.instanceName());
        }

        @Override
        public void close() {
            LocalInfrastructure.stop(settings);
        }
    }

    /**
     * One test's share: an empty database (the applications migrate it) and a topic nobody else writes to.
     *
     * @param name database name, also the suffix of the topic
     * @param instanceName the local infrastructure instance, shared with other tests of this JVM
     */
    public record Scope(String name, LocalInfraEndpoints endpoints, String topic, String instanceName) {

        /** Everything an operator would configure for the demo tenant: database, broker, topic, tenant. */
        public Map<String, String> applicationConfig() {
            Map<String, String> config = new HashMap<>(endpoints.toQuarkusConfig());
            config.put("leadlistener.events.topic", topic);
            config.putAll(new ProdTenantTestResource().start());
            return config;
        }

        public DataSource dataSource() {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(endpoints.jdbcUrl());
            dataSource.setUser(endpoints.username());
            dataSource.setPassword(endpoints.password());
            return dataSource;
        }

        /** Stops the shared broker, keeping its data; tests restart it in {@code finally}. */
        public void stopKafka() {
            LocalInfrastructure.stopKafka(instanceName);
        }

        /** Starts the broker again on the same port with the same data. */
        public void restartKafka() {
            LocalInfrastructure.restartKafka(instanceName);
        }

        public LeadEventsConsumer consumer() {
            return new LeadEventsConsumer(endpoints.kafkaBootstrapServers(), topic);
        }
    }
}
