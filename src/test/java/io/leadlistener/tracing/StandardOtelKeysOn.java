package io.leadlistener.tracing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Tracing on through the standard Quarkus key only ({@code QUARKUS_OTEL_SDK_DISABLED=false} for an operator), without
 * {@code leadlistener.tracing.*}; exported to {@link InMemorySpans}.
 */
public class StandardOtelKeysOn implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.traces.exporter", "cdi",
                "quarkus.otel.exporter.otlp.enabled", "false",
                "quarkus.otel.bsp.schedule.delay", "50ms");
    }
}
