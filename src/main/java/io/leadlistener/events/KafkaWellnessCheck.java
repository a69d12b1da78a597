package io.leadlistener.events;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.Wellness;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Kafka reachability, reported under {@code /q/health/well} and deliberately NOT under readiness: callbacks are
 * stored in PostgreSQL first, so a broker outage must not take replicas out of the load balancer.
 */
@Wellness
@ApplicationScoped
public class KafkaWellnessCheck implements HealthCheck {

    private static final int TIMEOUT_MS = 3000;

    private final Map<String, Object> kafkaConfig;
    private AdminClient adminClient;

    @Inject
    public KafkaWellnessCheck(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka");
        Object servers = kafkaConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        response.withData("bootstrapServers", String.valueOf(servers));
        try {
            var cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
            String clusterId = cluster.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            int brokers = cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
            Node controller = cluster.controller().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return response.up().withData("clusterId", clusterId).withData("brokers", brokers)
                    .withData("controller", controller == null ? "none" : controller.idString()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        } catch (Exception e) {
            return response.down().withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }

    private synchronized AdminClient admin() {
        if (adminClient == null) {
            Map<String, Object> config = KafkaClientConfig.passThrough(kafkaConfig, AdminClientConfig.configNames());
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "wecom-lead-listener-health");
            adminClient = AdminClient.create(config);
        }
        return adminClient;
    }

    @PreDestroy
    synchronized void close() {
        if (adminClient != null) {
            adminClient.close();
        }
    }
}
