package io.leadlistener.localinfra;

import java.util.Map;

/**
 * Where a running pair of local servers can be reached. Nothing here is secret: the embedded
 * PostgreSQL trusts every local connection, the password only satisfies clients that insist on one.
 */
public record LocalInfraEndpoints(String jdbcUrl, String username, String password, String kafkaBootstrapServers) {

    public static final String JDBC_URL_KEY = "quarkus.datasource.jdbc.url";
    public static final String USERNAME_KEY = "quarkus.datasource.username";
    public static final String PASSWORD_KEY = "quarkus.datasource.password";
    public static final String KAFKA_BOOTSTRAP_SERVERS_KEY = "kafka.bootstrap.servers";

    /** The endpoints as the Quarkus configuration keys the datasource and the Kafka connector read. */
    public Map<String, String> toQuarkusConfig() {
        return Map.of(
                JDBC_URL_KEY, jdbcUrl,
                USERNAME_KEY, username,
                PASSWORD_KEY, password,
                KAFKA_BOOTSTRAP_SERVERS_KEY, kafkaBootstrapServers);
    }
}
