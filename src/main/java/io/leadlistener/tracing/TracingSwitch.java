package io.leadlistener.tracing;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;

/**
 * Tracing is off unless an operator names a collector: setting {@code leadlistener.tracing.endpoint} (env
 * {@code LEADLISTENER_TRACING_ENDPOINT}) is the one property that turns the OpenTelemetry SDK on and points its OTLP
 * trace exporter there, at runtime, in the packaged application. {@code leadlistener.tracing.enabled=true} turns it on
 * without an endpoint, for exporters configured otherwise (tests use an in-memory one).
 */
@Priority(Priorities.APPLICATION + 100)
public class TracingSwitch implements ConfigSourceInterceptor {

    static final String ENDPOINT = "leadlistener.tracing.endpoint";
    static final String ENABLED = "leadlistener.tracing.enabled";
    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final String TRACES_ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        if (SDK_DISABLED.equals(name)) {
            return decided(name, Boolean.toString(!isOn(context)));
        }
        if (TRACES_ENDPOINT.equals(name) && endpoint(context) != null) {
            return decided(name, endpoint(context));
        }
        return context.proceed(name);
    }

    private static boolean isOn(ConfigSourceInterceptorContext context) {
        return endpoint(context) != null || "true".equalsIgnoreCase(valueOf(context, ENABLED));
    }

    private ConfigValue decided(String name, String value) {
        return ConfigValue.builder().withName(name).withValue(value).withConfigSourceName(getClass().getSimpleName())
                .withConfigSourceOrdinal(Integer.MAX_VALUE).build();
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
