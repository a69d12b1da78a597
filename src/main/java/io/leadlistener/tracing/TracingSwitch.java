package io.leadlistener.tracing;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;

/**
 * Tracing is off unless an operator names a collector: setting {@code leadlistener.tracing.endpoint} (env
 * {@code LEADLISTENER_TRACING_ENDPOINT}) turns the OpenTelemetry SDK on and points its OTLP trace exporter there, at
 * runtime, in the packaged application. {@code leadlistener.tracing.enabled=true} turns it on without an endpoint, for
 * exporters configured otherwise (tests use an in-memory one).
 *
 * <p>The switch only supplies defaults. The standard Quarkus keys, when an operator sets them (environment variables
 * such as {@code QUARKUS_OTEL_SDK_DISABLED} or {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}, system properties,
 * {@code .env}, {@code config/application.properties} — any source ranked above the application's own
 * {@code application.properties}), win over what the switch decides, as the Quarkus OpenTelemetry guide documents
 * them. An operator-set OTLP endpoint also counts as naming a collector, so it turns tracing on by itself, as it does
 * in any Quarkus application. Keys the switch never touches ({@code quarkus.otel.traces.sampler.arg},
 * {@code quarkus.otel.resource.attributes}, headers, TLS, ...) pass through as they are. See docs/configuration.md.
 */
@Priority(Priorities.APPLICATION + 100)
public class TracingSwitch implements ConfigSourceInterceptor {

    static final String ENDPOINT = "leadlistener.tracing.endpoint";
    static final String ENABLED = "leadlistener.tracing.enabled";
    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final String TRACES_ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";
    static final String OTLP_ENDPOINT = "quarkus.otel.exporter.otlp.endpoint";

    /**
     * Ordinal of the application's own {@code application.properties} (in the jar). Values from sources above it are
     * an operator's; values at or below it (the application's defaults, Quarkus's defaults) give way to the switch.
     */
    static final int APPLICATION_PROPERTIES_ORDINAL = 250;

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        if (SDK_DISABLED.equals(name)) {
            ConfigValue configured = context.proceed(name);
            return setByOperator(configured) ? configured : decided(name, Boolean.toString(!isOn(context)));
        }
        if (TRACES_ENDPOINT.equals(name)) {
            ConfigValue configured = context.proceed(name);
            String endpoint = endpoint(context);
            return setByOperator(configured) || endpoint == null ? configured : decided(name, endpoint);
        }
        return context.proceed(name);
    }

    private static boolean isOn(ConfigSourceInterceptorContext context) {
        return endpoint(context) != null || "true".equalsIgnoreCase(valueOf(context, ENABLED))
                || setByOperator(context.proceed(TRACES_ENDPOINT)) || setByOperator(context.proceed(OTLP_ENDPOINT));
    }

    private static boolean setByOperator(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank()
                && value.getConfigSourceOrdinal() > APPLICATION_PROPERTIES_ORDINAL;
    }

    private ConfigValue decided(String name, String value) {
        // Ranked just above the application's defaults: what an operator sets is never overridden (see above).
        return ConfigValue.builder().withName(name).withValue(value).withConfigSourceName(getClass().getSimpleName())
                .withConfigSourceOrdinal(APPLICATION_PROPERTIES_ORDINAL + 1).build();
    }

    private static String endpoint(ConfigSourceInterceptorContext context) {
        String endpoint = valueOf(context, ENDPOINT);
        return endpoint == null || endpoint.isBlank() ? null : endpoint.trim();
    }

    private static String valueOf(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        return value == null ? null : value.getValue();
    }
}
