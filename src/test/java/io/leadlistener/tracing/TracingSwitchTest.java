package io.leadlistener.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TracingSwitchTest {

    @Test
    void withoutAnEndpointTheSdkIsDisabled() {
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

    private static SmallRyeConfig configWith(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withInterceptors(new TracingSwitch())
                .build();
    }
}
