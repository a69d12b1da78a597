package io.leadlistener.tracing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Tracing settings; {@link TracingSwitch} turns them into defaults of the OpenTelemetry SDK's configuration, which the
 * standard {@code quarkus.otel.*} keys set by an operator override. {@link TraceContexts} injects it to say at start-up
 * when those win (and so that the keys stay mapped: Quarkus drops an unused mapping and then refuses its keys).
 */
@ConfigMapping(prefix = "leadlistener.tracing")
public interface TracingConfig {

    /** OTLP collector for traces (gRPC, e.g. {@code http://otel-collector:4317}); setting it turns tracing on. */
    Optional<String> endpoint();

    /** Tracing on without an endpoint here, for exporters configured otherwise. */
    @WithDefault("false")
    boolean enabled();
}
