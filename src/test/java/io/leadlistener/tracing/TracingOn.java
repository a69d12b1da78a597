package io.leadlistener.tracing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Tracing on, exported to {@link InMemorySpans} quickly; no OTLP collector is needed. */
public class TracingOn implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "leadlistener.tracing.enabled", "true",
                "quarkus.otel.traces.exporter", "cdi",
                "quarkus.otel.exporter.otlp.enabled", "false",
                "quarkus.otel.bsp.schedule.delay", "50ms");
    }
}
