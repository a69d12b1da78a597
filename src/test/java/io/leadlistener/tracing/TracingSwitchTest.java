package io.leadlistener.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The switch's decisions, and that they are only defaults: the standard {@code QUARKUS_OTEL_*} environment variables
 * an operator sets (here an {@link EnvConfigSource} at its usual ordinal 300) win, as the Quarkus guide documents them.
 */
class TracingSwitchTest {

    /** Where Quarkus reads the application's own application.properties from (in the jar). */
    private static final int APPLICATION_PROPERTIES = 250;

    @Test
    void withoutAnEndpointTheSdkIsDisabled() {
        SmallRyeConfig config = configWith(Map.of());

        assertThat(config.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isTrue();
    }

    @Test
    void anEndpointAmongTheApplicationsOwnDefaultsDoesNotTurnTracingOn() {
        SmallRyeConfig config = configWith(Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://ignored:4317"));

        assertThat(config.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isTrue();
    }

    @Test
    void theEndpointAloneTurnsTheSdkOnAndPointsTheTraceExporterThere() {
        SmallRyeConfig config = configWith(Map.of("leadlistener.tracing.endpoint", " http://otel-collector:4317 "));

        assertThat(config.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isFalse();
        assertThat(config.getValue("quarkus.otel.exporter.otlp.traces.endpoint", String.class))
                .isEqualTo("http://otel-collector:4317");
    }

    @Test
    void enabledTurnsItOnWithoutChangingTheExporter() {
        SmallRyeConfig config = configWith(Map.of("leadlistener.tracing.enabled", "true",
                "quarkus.otel.exporter.otlp.traces.endpoint", "http://configured-elsewhere:4317"));

        assertThat(config.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isFalse();
        assertThat(config.getValue("quarkus.otel.exporter.otlp.traces.endpoint", String.class))
                .isEqualTo("http://configured-elsewhere:4317");
    }

    @Test
    void aBlankEndpointIsOff() {
        assertThat(configWith(Map.of("leadlistener.tracing.endpoint", "  "))
                .getValue("quarkus.otel.sdk.disabled", Boolean.class)).isTrue();
    }

    @Test
    void anOperatorsSdkDisabledWinsOverTheEndpointSwitch() {
        SmallRyeConfig config = configWith(Map.of("leadlistener.tracing.endpoint", "http://otel-collector:4317"),
                Map.of("QUARKUS_OTEL_SDK_DISABLED", "true"));

        assertThat(config.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isTrue();
    }

    @Test
    void anOperatorsSdkDisabledFalseTurnsTracingOnWithoutTheSwitch() {
        SmallRyeConfig config = configWith(Map.of(), Map.of("QUARKUS_OTEL_SDK_DISABLED", "false"));

        assertThat(config.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isFalse();
    }

    @Test
    void anOperatorsTracesEndpointWinsOverTheSwitchsEndpoint() {
        SmallRyeConfig config = configWith(Map.of("leadlistener.tracing.endpoint", "http://from-the-switch:4317"),
                Map.of("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://from-the-operator:4318"));

        assertThat(config.getValue("quarkus.otel.exporter.otlp.traces.endpoint", String.class))
                .isEqualTo("http://from-the-operator:4318");
        assertThat(config.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isFalse();
    }

    @Test
    void anOperatorsOtlpEndpointAloneTurnsTracingOnAndIsNotReplaced() {
        SmallRyeConfig traces = configWith(Map.of(),
                Map.of("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://otel-collector:4317"));
        SmallRyeConfig base = configWith(Map.of(),
                Map.of("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4317"));

        assertThat(traces.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isFalse();
        assertThat(traces.getValue("quarkus.otel.exporter.otlp.traces.endpoint", String.class))
                .isEqualTo("http://otel-collector:4317");
        assertThat(base.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isFalse();
    }

    @Test
    void theApplicationsOwnSdkSettingGivesWayToTheSwitch() {
        SmallRyeConfig config = configWith(Map.of("quarkus.otel.sdk.disabled", "false"), Map.of());

        assertThat(config.getValue("quarkus.otel.sdk.disabled", Boolean.class)).as("no collector named").isTrue();
    }

    @Test
    void samplerAndResourceAttributesPassThrough() {
        SmallRyeConfig config = configWith(Map.of("leadlistener.tracing.endpoint", "http://otel-collector:4317",
                        "quarkus.otel.traces.sampler.arg", "1.0"),
                Map.of("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "0.1",
                        "QUARKUS_OTEL_RESOURCE_ATTRIBUTES", "deployment.environment=prod,k8s.cluster.name=eu-1"));

        assertThat(config.getValue("quarkus.otel.traces.sampler.arg", String.class)).isEqualTo("0.1");
        assertThat(config.getValue("quarkus.otel.resource.attributes", String.class))
                .isEqualTo("deployment.environment=prod,k8s.cluster.name=eu-1");
    }

    @Test
    void aBlankOperatorValueDoesNotCount() {
        SmallRyeConfig config = configWith(Map.of("leadlistener.tracing.endpoint", "http://otel-collector:4317"),
                Map.of("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", " "));

        assertThat(config.getValue("quarkus.otel.exporter.otlp.traces.endpoint", String.class))
                .isEqualTo("http://otel-collector:4317");
    }

    private static SmallRyeConfig configWith(Map<String, String> properties) {
        return configWith(properties, Map.of());
    }

    /** The application's properties where Quarkus ranks application.properties, and environment variables. */
    private static SmallRyeConfig configWith(Map<String, String> properties, Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "application.properties", APPLICATION_PROPERTIES))
                .withSources(new EnvConfigSource(environment, 300))
                .withInterceptors(new TracingSwitch())
                .build();
    }
}
