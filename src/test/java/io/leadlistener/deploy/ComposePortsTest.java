package io.leadlistener.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose.yaml carries public demo credentials, so every port it publishes is bound to 127.0.0.1: reachable
 * from this machine, never from the network. Docker publishes a port without an address on every interface (and
 * past host firewalls such as ufw, through its own iptables rules).
 */
class ComposePortsTest {

    private static final Path COMPOSE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize()
            .resolve("deploy/compose.yaml");

    private static List<PublishedPort> published;

    @BeforeAll
    static void readCompose() throws IOException {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile());
        published = new ArrayList<>();
        compose.path("services").properties().forEach(service -> service.getValue().path("ports")
                .forEach(port -> published.add(PublishedPort.of(service.getKey(), port))));
    }

    @Test
    void everyPublishedPortIsBoundToLoopback() {
        assertThat(published).as("published ports in %s", COMPOSE).isNotEmpty()
                .allSatisfy(port -> assertThat(port.hostIp()).as("host address of %s", port).isEqualTo("127.0.0.1"));
    }

    @Test
    void theAppsPortsAndKafkasHostListenerArePublishedOnThisMachine() {
        assertThat(published).extracting(port -> port.service() + ":" + port.containerPort())
                .contains("app:8080", "app:9000", "kafka:9094");
    }

    /** One entry of a service's {@code ports}, short ("127.0.0.1:8080:8080") or long syntax ({@code host_ip: ...}). */
    record PublishedPort(String service, String hostIp, String containerPort) {

        static PublishedPort of(String service, JsonNode entry) {
            if (entry.isObject()) {
                return new PublishedPort(service, entry.path("host_ip").asText(""), entry.path("target").asText());
            }
            String spec = entry.asText().replaceFirst("/(tcp|udp)$", "");
            int containerSeparator = spec.lastIndexOf(':');
            String containerPort = spec.substring(containerSeparator + 1);
            String host = containerSeparator < 0 ? "" : spec.substring(0, containerSeparator);
            int ipSeparator = host.lastIndexOf(':');
            return new PublishedPort(service, ipSeparator < 0 ? "" : host.substring(0, ipSeparator), containerPort);
        }
    }
}
