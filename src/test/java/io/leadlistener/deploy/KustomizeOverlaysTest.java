package io.leadlistener.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every overlay under {@code k8s/overlays/} with {@code kubectl kustomize} and checks the result: the
 * expected objects exist, the Deployment has its probes on the Quarkus health paths of the management interface
 * (port 9000) and runs as non-root, metrics are scraped there, and the objects reference each other consistently
 * (selectors, names, the shutdown budget).
 *
 * <p>No YAML library is on the test classpath, so the rendered YAML is turned into JSON by kubectl itself
 * ({@code kubectl annotate --local -o json}: parses the files and prints the objects, never contacts a cluster) and
 * read with Jackson.
 */
class KustomizeOverlaysTest {

    private static final Path REPO = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    private static final Path OVERLAYS = REPO.resolve("k8s/overlays");
    private static final Duration KUBECTL_TIMEOUT = Duration.ofSeconds(60);
    private static final String APP = "wecom-lead-listener";
    private static final String SECRET_NAME = "wecom-lead-listener-secrets";
    private static final List<String> REQUIRED_KINDS = List.of("Deployment", "Service", "ConfigMap",
            "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "ServiceAccount");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The overlays use kustomize 5 syntax; Debian's kubectl bundles an older kustomize. */
    private static final int MIN_KUSTOMIZE_MAJOR = 5;

    private static Path kubectl;
    /** Why the overlays cannot be rendered here, or null when they can. */
    private static String cannotRender;

    @BeforeAll
    static void findKubectl() throws Exception {
        kubectl = onPath("kubectl").orElse(null);
        if (kubectl == null) {
            cannotRender = "kubectl is not on PATH; install kubectl (it bundles kustomize) to run this test";
            return;
        }
        JsonNode version = JSON.readTree(run(List.of(kubectl.toString(), "version", "--client", "-o", "json")));
        String kustomize = version.path("kustomizeVersion").asText("");
        Matcher major = Pattern.compile("^v?(\\d+)\\.").matcher(kustomize);
        if (!major.find() || Integer.parseInt(major.group(1)) < MIN_KUSTOMIZE_MAJOR) {
            cannotRender = kubectl + " (" + version.at("/clientVersion/gitVersion").asText("unknown version")
                    + ") bundles kustomize '" + kustomize + "'; the overlays need kustomize v" + MIN_KUSTOMIZE_MAJOR
                    + " or later (kubectl 1.27+)";
        }
    }

    static Stream<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(OVERLAYS)) {
            return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void thereAreDevAndProdOverlays() throws IOException {
        assertThat(overlays()).as("overlays in %s", OVERLAYS).contains("dev", "prod");
    }

    @ParameterizedTest(name = "k8s/overlays/{0}")
    @MethodSource("overlays")
    void overlayRendersConsistentManifests(String overlay) throws Exception {
        Assumptions.assumeTrue(cannotRender == null,
                () -> "skipping `kubectl kustomize k8s/overlays/" + overlay + "`: " + cannotRender);

        List<JsonNode> objects = render(OVERLAYS.resolve(overlay));

        List<String> kinds = objects.stream().map(o -> o.path("kind").asText()).toList();
        assertThat(kinds).as("kinds rendered by %s", overlay).containsAll(REQUIRED_KINDS);
        assertThat(kinds).as("the Secret is created out of band (secret.template.yaml); an overlay that renders one"
                + " would overwrite the real credentials on every apply").doesNotContain("Secret");

        JsonNode deployment = single(objects, "Deployment");
        JsonNode podSpec = deployment.at("/spec/template/spec");
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        assertThat(podSpec.path("containers")).as("containers").hasSize(1);
        JsonNode container = podSpec.path("containers").get(0);

        // Public port 8080; probes on the Quarkus health endpoints of the management interface, via the named port
        // 9000 (health is not served on 8080).
        assertThat(container.path("ports")).anySatisfy(port -> {
            assertThat(port.path("name").asText()).isEqualTo("http");
            assertThat(port.path("containerPort").asInt()).isEqualTo(8080);
        });
        assertThat(container.path("ports")).anySatisfy(port -> {
            assertThat(port.path("name").asText()).isEqualTo("management");
            assertThat(port.path("containerPort").asInt()).isEqualTo(9000);
        });
        assertProbe(container, "startupProbe", "/q/health/started");
        assertProbe(container, "livenessProbe", "/q/health/live");
        assertProbe(container, "readinessProbe", "/q/health/ready");
        JsonNode podAnnotations = deployment.at("/spec/template/metadata/annotations");
        assertThat(podAnnotations.path("prometheus.io/port").asText()).as("scrape port").isEqualTo("9000");
        assertThat(podAnnotations.path("prometheus.io/path").asText()).as("scrape path").isEqualTo("/q/metrics");

        // Non-root, locked down.
        JsonNode podSecurity = podSpec.path("securityContext");
        JsonNode containerSecurity = container.path("securityContext");
        assertThat(podSecurity.path("runAsNonRoot").asBoolean(false) || containerSecurity.path("runAsNonRoot")
                .asBoolean(false)).as("runAsNonRoot").isTrue();
        assertThat(containerSecurity.path("runAsUser").asInt(podSecurity.path("runAsUser").asInt(0)))
                .as("runAsUser").isEqualTo(185);
        assertThat(containerSecurity.path("allowPrivilegeEscalation").asBoolean(true))
                .as("allowPrivilegeEscalation").isFalse();
        assertThat(containerSecurity.path("readOnlyRootFilesystem").asBoolean(false))
                .as("readOnlyRootFilesystem").isTrue();
        assertThat(texts(containerSecurity.at("/capabilities/drop"))).as("dropped capabilities").contains("ALL");
        assertThat(podSecurity.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        assertThat(container.path("volumeMounts")).as("writable /tmp on a read-only root filesystem")
                .anySatisfy(mount -> assertThat(mount.path("mountPath").asText()).isEqualTo("/tmp"));

        // Image: registry/name:tag, never an implicit or explicit "latest".
        String image = container.path("image").asText();
        assertThat(image).as("image").contains("/" + APP + ":").doesNotEndWith(":latest");

        // Configuration: the (hash-suffixed) generated ConfigMap and the out-of-band Secret.
        JsonNode configMap = single(objects, "ConfigMap");
        List<String> configMapRefs = new ArrayList<>();
        List<String> secretRefs = new ArrayList<>();
        container.path("envFrom").forEach(source -> {
            if (source.has("configMapRef")) {
                configMapRefs.add(source.at("/configMapRef/name").asText());
            }
            if (source.has("secretRef")) {
                secretRefs.add(source.at("/secretRef/name").asText());
            }
        });
        assertThat(configMapRefs).containsExactly(configMap.at("/metadata/name").asText());
        assertThat(secretRefs).containsExactly(SECRET_NAME);
        JsonNode config = configMap.path("data");
        assertThat(config.fieldNames()).toIterable().contains("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL",
                "QUARKUS_SHUTDOWN_TIMEOUT");
        if (overlay.equals("prod")) {
            // The lead events topic, when the service creates it, survives a broker down (docs/deployment.md).
            assertThat(config.path("LEADLISTENER_EVENTS_REPLICATION_FACTOR").asText()).isEqualTo("3");
            assertThat(config.path("LEADLISTENER_EVENTS_MIN_INSYNC_REPLICAS").asText()).isEqualTo("2");
        }

        // Shutdown budget: preStop sleep + Quarkus shutdown timeout must fit the grace period.
        List<String> preStop = texts(container.at("/lifecycle/preStop/exec/command"));
        assertThat(preStop).as("preStop command").hasSize(2).first().isEqualTo("sleep");
        long preStopSeconds = Long.parseLong(preStop.get(1));
        long shutdownSeconds = seconds(config.path("QUARKUS_SHUTDOWN_TIMEOUT").asText());
        assertThat(podSpec.path("terminationGracePeriodSeconds").asLong())
                .as("terminationGracePeriodSeconds >= preStop (%ds) + QUARKUS_SHUTDOWN_TIMEOUT (%ds)", preStopSeconds,
                        shutdownSeconds)
                .isGreaterThanOrEqualTo(preStopSeconds + shutdownSeconds);
        assertThat(podSpec.path("topologySpreadConstraints").findValuesAsText("topologyKey"))
                .contains("kubernetes.io/hostname");

        // Service account without an API token.
        JsonNode serviceAccount = single(objects, "ServiceAccount");
        assertThat(podSpec.path("serviceAccountName").asText()).isEqualTo(serviceAccount.at("/metadata/name").asText());
        assertThat(serviceAccount.path("automountServiceAccountToken").asBoolean(true)).isFalse();
        assertThat(podSpec.path("automountServiceAccountToken").asBoolean(true)).isFalse();

        // Everything that selects pods selects these pods.
        JsonNode service = single(objects, "Service");
        assertSelects(service.at("/spec/selector"), podLabels, "Service");
        assertSelects(deployment.at("/spec/selector/matchLabels"), podLabels, "Deployment selector");
        assertSelects(single(objects, "PodDisruptionBudget").at("/spec/selector/matchLabels"), podLabels, "PDB");
        JsonNode networkPolicy = single(objects, "NetworkPolicy");
        assertSelects(networkPolicy.at("/spec/podSelector/matchLabels"), podLabels, "NetworkPolicy");
        assertThat(service.at("/spec/ports")).anySatisfy(port -> {
            assertThat(port.path("name").asText()).isEqualTo("http");
            assertThat(port.path("port").asInt()).isEqualTo(80);
            assertThat(port.path("targetPort").asText()).isIn("http", "8080");
        });
        assertThat(service.at("/spec/ports")).as("the Service's port for scraping").anySatisfy(port -> {
            assertThat(port.path("name").asText()).isEqualTo("management");
            assertThat(port.path("port").asInt()).isEqualTo(9000);
            assertThat(port.path("targetPort").asText()).isIn("management", "9000");
        });
        assertThat(networkPolicy.at("/spec/ingress").findValuesAsText("port")).as("NetworkPolicy ingress ports")
                .contains("8080", "9000");
        assertThat(networkPolicy.path("spec").findValuesAsText("port")).as("NetworkPolicy ports")
                .contains("8080", "9000", "5432", "9092", "53", "443");

        // Autoscaler drives this Deployment and starts from its replica count.
        JsonNode hpa = single(objects, "HorizontalPodAutoscaler");
        assertThat(hpa.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
        assertThat(hpa.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(deployment.at("/metadata/name").asText());
        assertThat(hpa.at("/spec/minReplicas").asInt()).as("HPA minReplicas = Deployment replicas")
                .isEqualTo(deployment.at("/spec/replicas").asInt());
        assertThat(hpa.at("/spec/maxReplicas").asInt()).isGreaterThanOrEqualTo(hpa.at("/spec/minReplicas").asInt());
    }

    /** kubectl kustomize, then the same objects as JSON. */
    private static List<JsonNode> render(Path overlay) throws Exception {
        Path yaml = Files.createTempFile("kustomize-" + overlay.getFileName() + "-", ".yaml");
        try {
            Files.writeString(yaml, run(List.of(kubectl.toString(), "kustomize", overlay.toString())));
            assertThat(Files.readString(yaml)).as("rendered YAML").isNotBlank();
            // --local: only parses the files and prints the objects; the annotation exists only in this output.
            String json = run(List.of(kubectl.toString(), "annotate", "--local", "-o", "json", "-f", yaml.toString(),
                    "kustomize-overlays-test/parsed=true"));
            List<JsonNode> objects = new ArrayList<>();
            try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(json)) {
                while (values.hasNext()) {
                    JsonNode value = values.next();
                    if ("List".equals(value.path("kind").asText())) {
                        value.path("items").forEach(objects::add);
                    } else {
                        objects.add(value);
                    }
                }
            }
            return objects;
        } finally {
            Files.deleteIfExists(yaml);
        }
    }

    private static String run(List<String> command) throws Exception {
        Path stderr = Files.createTempFile("kubectl-", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(REPO.toFile())
                    .redirectError(stderr.toFile()).start();
            process.getOutputStream().close();
            byte[] stdout = process.getInputStream().readAllBytes();
            if (!process.waitFor(KUBECTL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("%s did not finish within %s", String.join(" ", command), KUBECTL_TIMEOUT);
            }
            assertThat(process.exitValue()).as("exit code of `%s`; stderr:%n%s", String.join(" ", command),
                    Files.readString(stderr)).isZero();
            return new String(stdout, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    private static JsonNode single(List<JsonNode> objects, String kind) {
        List<JsonNode> matching = objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
        assertThat(matching).as("objects of kind %s", kind).hasSize(1);
        return matching.get(0);
    }

    private static void assertProbe(JsonNode container, String probe, String path) {
        assertThat(container.at("/" + probe + "/httpGet/path").asText()).as("%s path", probe).isEqualTo(path);
        assertThat(container.at("/" + probe + "/httpGet/port").asText()).as("%s port", probe)
                .isIn("management", "9000");
    }

    private static void assertSelects(JsonNode selector, JsonNode podLabels, String what) {
        assertThat(selector.size()).as("%s selector is not empty", what).isPositive();
        selector.properties().forEach(entry -> assertThat(podLabels.path(entry.getKey()).asText())
                .as("%s selects pod label %s", what, entry.getKey()).isEqualTo(entry.getValue().asText()));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** Seconds of a Quarkus duration such as {@code 20s}, {@code 1m} or a plain number of seconds. */
    private static long seconds(String duration) {
        String value = duration.trim().toLowerCase();
        if (value.endsWith("ms")) {
            return (Long.parseLong(value.substring(0, value.length() - 2)) + 999) / 1000;
        }
        if (value.endsWith("s")) {
            return Long.parseLong(value.substring(0, value.length() - 1));
        }
        if (value.endsWith("m")) {
            return 60 * Long.parseLong(value.substring(0, value.length() - 1));
        }
        if (value.startsWith("pt")) {
            return Duration.parse(value).toSeconds();
        }
        return Long.parseLong(value);
    }

    private static Optional<Path> onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .flatMap(dir -> Stream.of(executable, executable + ".exe").map(name -> Path.of(dir, name)))
                .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
                .findFirst();
    }
}
