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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * (selectors, names, the shutdown budget). Prod follows the cluster conventions a platform team expects: no fixed
 * replica count under its HPA, a ServiceMonitor on the management port, a PrometheusRule with exactly the alerts of
 * docs/operations.md, Prometheus admitted to port 9000 by number, and OTLP egress only once the operator enables it.
 *
 * <p>The rendered YAML is turned into JSON by kubectl itself ({@code kubectl annotate --local -o json}: parses the
 * files and prints the objects, never contacts a cluster) and read with Jackson.
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
    private static final String MONITORING_NAMESPACE = "monitoring";
    private static final int MANAGEMENT_PORT = 9000;
    private static final int OTLP_GRPC = 4317;
    private static final int OTLP_HTTP = 4318;

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
        assumeCanRender(overlay);

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

        // Autoscaler drives this Deployment; where an overlay still sets a count, it is the HPA's minimum.
        JsonNode hpa = single(objects, "HorizontalPodAutoscaler");
        assertThat(hpa.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
        assertThat(hpa.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(deployment.at("/metadata/name").asText());
        if (deployment.path("spec").has("replicas")) {
            assertThat(hpa.at("/spec/minReplicas").asInt()).as("HPA minReplicas = Deployment replicas")
                    .isEqualTo(deployment.at("/spec/replicas").asInt());
        }
        assertThat(hpa.at("/spec/maxReplicas").asInt()).isGreaterThanOrEqualTo(hpa.at("/spec/minReplicas").asInt());
    }

    @ParameterizedTest(name = "k8s/overlays/{0}")
    @MethodSource("overlays")
    void monitoringNamespaceReachesTheManagementPortByNumber(String overlay) throws Exception {
        assumeCanRender(overlay);
        JsonNode networkPolicy = single(render(OVERLAYS.resolve(overlay)), "NetworkPolicy");

        List<JsonNode> fromMonitoring = new ArrayList<>();
        networkPolicy.at("/spec/ingress").forEach(rule -> rule.path("from").forEach(peer -> {
            if (MONITORING_NAMESPACE.equals(peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name")
                    .asText())) {
                fromMonitoring.add(rule);
            }
        }));
        assertThat(fromMonitoring).as("ingress rules admitting the %s namespace", MONITORING_NAMESPACE).hasSize(1);
        // By number: a named port resolves against the pod's container ports, and a rename there would silently
        // close the scrape; 9000 is also what the Service and the ServiceMonitor target.
        assertThat(fromMonitoring.get(0).path("ports")).as("ports open to %s", MONITORING_NAMESPACE)
                .singleElement().satisfies(port -> {
                    assertThat(port.path("port").isInt()).as("port %s is a number, not a name", port.path("port"))
                            .isTrue();
                    assertThat(port.path("port").asInt()).isEqualTo(MANAGEMENT_PORT);
                    assertThat(port.path("protocol").asText("TCP")).isEqualTo("TCP");
                });
    }

    @Test
    void prodDeploymentLeavesTheReplicaCountToTheHpa() throws Exception {
        assumeCanRender("prod");
        List<JsonNode> objects = render(OVERLAYS.resolve("prod"));

        JsonNode deployment = single(objects, "Deployment");
        JsonNode hpa = single(objects, "HorizontalPodAutoscaler");
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(deployment.at("/metadata/name").asText());
        assertThat(deployment.path("spec").has("replicas"))
                .as("prod Deployment under an HPA sets spec.replicas = %s; every apply that changes it would scale"
                        + " away from what the HPA decided", deployment.at("/spec/replicas")).isFalse();
        assertThat(hpa.at("/spec/minReplicas").asInt()).as("prod HPA minReplicas").isGreaterThanOrEqualTo(3);
    }

    @Test
    void prodScrapesTheManagementPortWithAServiceMonitor() throws Exception {
        assumeCanRender("prod");
        List<JsonNode> objects = render(OVERLAYS.resolve("prod"));

        JsonNode serviceMonitor = single(objects, "ServiceMonitor");
        JsonNode service = single(objects, "Service");
        assertThat(serviceMonitor.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(serviceMonitor.at("/metadata/namespace").asText()).as("ServiceMonitor in the Service's namespace")
                .isEqualTo(service.at("/metadata/namespace").asText());
        assertSelects(serviceMonitor.at("/spec/selector/matchLabels"), service.at("/metadata/labels"),
                "ServiceMonitor");
        assertThat(serviceMonitor.at("/spec/endpoints")).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.path("port").asText()).isEqualTo("management");
            assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
        });
        assertThat(service.at("/spec/ports")).anySatisfy(port -> {
            assertThat(port.path("name").asText()).isEqualTo("management");
            assertThat(port.path("port").asInt()).isEqualTo(MANAGEMENT_PORT);
        });
    }

    @Test
    void prodAlertRulesAreTheAlertsOfTheRunbook() throws Exception {
        assumeCanRender("prod");
        List<JsonNode> objects = render(OVERLAYS.resolve("prod"));
        JsonNode prometheusRule = single(objects, "PrometheusRule");
        assertThat(prometheusRule.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        Map<String, JsonNode> rules = new LinkedHashMap<>();
        prometheusRule.at("/spec/groups").forEach(group -> group.path("rules").forEach(rule -> {
            if (rule.has("alert")) {
                assertThat(rules.put(rule.path("alert").asText(), rule)).as("alert %s defined once",
                        rule.path("alert").asText()).isNull();
            }
        }));

        Runbook runbook = Runbook.read(REPO.resolve("docs/operations.md"));
        assertThat(rules.keySet()).as("alerts in prometheusrule.yaml vs the table of docs/operations.md")
                .containsExactlyInAnyOrderElementsOf(runbook.alerts().keySet());
        runbook.alerts().forEach((name, documented) -> {
            JsonNode rule = rules.get(name);
            String expr = rule.path("expr").asText().replaceAll("\\s+", "");
            for (String metric : documented.metrics()) {
                assertThat(expr).as("%s expr uses %s", name, metric).contains(metric);
            }
            for (String range : documented.ranges()) {
                assertThat(expr).as("%s expr uses the range %s", name, range).contains(range);
            }
            for (String threshold : documented.thresholds()) {
                assertThat(expr).as("%s expr compares %s", name, threshold).contains(threshold);
            }
            assertThat(rule.path("for").asText("")).as("%s `for`", name).isEqualTo(documented.forDuration());
            assertThat(rule.at("/labels/severity").asText()).as("%s severity", name)
                    .isIn("critical", "warning", "info");
            assertThat(rule.at("/annotations/summary").asText()).as("%s summary", name).isNotBlank();
            assertThat(rule.at("/annotations/description").asText()).as("%s description", name).isNotBlank();
            assertThat(rule.at("/annotations/runbook_url").asText()).as("%s runbook_url", name)
                    .startsWith("https://").endsWith("docs/operations.md#" + runbook.alertsAnchor());
        });
    }

    @Test
    void prodAllowsNoOtlpEgressUntilTheComponentIsEnabled() throws Exception {
        assumeCanRender("prod");
        List<JsonNode> objects = render(OVERLAYS.resolve("prod"));
        assertThat(egressPorts(objects)).as("egress ports of prod's NetworkPolicies with tracing off")
                .doesNotContain(OTLP_GRPC, OTLP_HTTP);
    }

    @Test
    void enablingTheOtlpComponentInProdAllowsEgressToTheCollector() throws Exception {
        assumeCanRender("prod");
        // Do what docs/deployment.md tells an operator: uncomment the component in the prod overlay (in a copy of
        // k8s/, so the overlay's relative paths still resolve).
        Path copy = Files.createTempDirectory("k8s-otlp-");
        try {
            copyTree(REPO.resolve("k8s"), copy.resolve("k8s"));
            Path kustomization = copy.resolve("k8s/overlays/prod/kustomization.yaml");
            String text = Files.readString(kustomization);
            String commented = "# components:\n#   - ../../components/otlp-egress\n";
            assertThat(text).as("prod kustomization.yaml offers the OTLP egress component, commented out")
                    .contains(commented);
            Files.writeString(kustomization,
                    text.replace(commented, "components:\n  - ../../components/otlp-egress\n"));

            List<JsonNode> objects = render(copy.resolve("k8s/overlays/prod"));
            JsonNode deployment = single(objects, "Deployment");
            List<JsonNode> otlp = objects.stream().filter(o -> "NetworkPolicy".equals(o.path("kind").asText()))
                    .filter(policy -> egressPorts(List.of(policy)).containsAll(List.of(OTLP_GRPC, OTLP_HTTP)))
                    .toList();
            assertThat(otlp).as("a NetworkPolicy allowing egress to %d and %d", OTLP_GRPC, OTLP_HTTP).hasSize(1);
            JsonNode policy = otlp.get(0);
            assertThat(policy.at("/metadata/namespace").asText()).as("in the prod namespace")
                    .isEqualTo(deployment.at("/metadata/namespace").asText());
            assertSelects(policy.at("/spec/podSelector/matchLabels"), deployment.at("/spec/template/metadata/labels"),
                    "OTLP egress NetworkPolicy");
            assertThat(texts(policy.at("/spec/policyTypes"))).contains("Egress");
        } finally {
            deleteTree(copy);
        }
    }

    /** Numeric TCP egress ports allowed by any of the NetworkPolicies among the objects. */
    private static List<Integer> egressPorts(List<JsonNode> objects) {
        List<Integer> ports = new ArrayList<>();
        objects.stream().filter(o -> "NetworkPolicy".equals(o.path("kind").asText()))
                .forEach(policy -> policy.at("/spec/egress").forEach(rule -> rule.path("ports").forEach(port -> {
                    if (port.path("port").isInt() && "TCP".equals(port.path("protocol").asText("TCP"))) {
                        ports.add(port.path("port").asInt());
                    }
                })));
        return ports;
    }

    private static void assumeCanRender(String overlay) {
        Assumptions.assumeTrue(cannotRender == null,
                () -> "skipping `kubectl kustomize k8s/overlays/" + overlay + "`: " + cannotRender);
    }

    /**
     * The table "Alerts — what each means and what to do" of docs/operations.md, read the way an on-call engineer
     * reads it: the bold alert name, then, in the first cell, the metrics, ranges, thresholds and "for N min".
     */
    record Runbook(String alertsAnchor, Map<String, DocumentedAlert> alerts) {

        private static final Pattern ROW = Pattern.compile("^\\|\\s*\\*\\*(\\w+)\\*\\*(.*?)\\s\\|\\s");
        private static final Pattern METRIC = Pattern.compile("leadlistener_[a-z0-9_]+");
        private static final Pattern RANGE = Pattern.compile("\\[\\d+[smhd]]");
        private static final Pattern THRESHOLD = Pattern.compile("(>=|<=|==|!=|>|<)\\s*(\\d+(?:\\.\\d+)?)");
        private static final Pattern FOR = Pattern.compile("\\bfor (\\d+) min\\b");

        static Runbook read(Path operations) throws IOException {
            List<String> lines = Files.readAllLines(operations);
            String heading = lines.stream().filter(line -> line.startsWith("## Alerts")).findFirst()
                    .orElseThrow(() -> new AssertionError("no \"## Alerts\" section in " + operations));
            Map<String, DocumentedAlert> alerts = new LinkedHashMap<>();
            for (String line : lines.subList(lines.indexOf(heading) + 1, lines.size())) {
                if (line.startsWith("## ")) {
                    break;
                }
                Matcher row = ROW.matcher(line);
                if (row.find()) {
                    String cell = row.group(2);
                    Matcher forMinutes = FOR.matcher(cell);
                    alerts.put(row.group(1), new DocumentedAlert(all(METRIC, cell, 0), all(RANGE, cell, 0),
                            thresholds(cell), forMinutes.find() ? forMinutes.group(1) + "m" : ""));
                }
            }
            assertThat(alerts).as("alerts in the table of %s", operations).isNotEmpty();
            return new Runbook(anchor(heading.substring(3)), alerts);
        }

        /** GitHub's heading anchor: lower case, punctuation dropped, each space a hyphen. */
        static String anchor(String heading) {
            return heading.trim().toLowerCase().replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
        }

        private static List<String> thresholds(String cell) {
            List<String> thresholds = new ArrayList<>();
            Matcher matcher = THRESHOLD.matcher(cell);
            while (matcher.find()) {
                thresholds.add(matcher.group(1) + matcher.group(2));
            }
            return thresholds;
        }

        private static List<String> all(Pattern pattern, String text, int group) {
            List<String> found = new ArrayList<>();
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                found.add(matcher.group(group));
            }
            return found;
        }
    }

    /** What the runbook's table says of one alert; thresholds without spaces ("&gt;120"), `for` as "5m" or "". */
    record DocumentedAlert(List<String> metrics, List<String> ranges, List<String> thresholds, String forDuration) {
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
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
