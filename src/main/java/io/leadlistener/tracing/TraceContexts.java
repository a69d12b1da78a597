package io.leadlistener.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Carries a trace across the service's durable hand-offs. The trace of an accepted callback is stored with its inbox
 * row as a W3C {@code traceparent}; the worker's processing span continues it, the outbox rows it writes store the
 * worker span's context, and the relay's publish span continues that and travels in the Kafka record's headers. So
 * one trace runs from the callback's HTTP request to the record a consumer reads, though minutes and a replica
 * switch may lie between them. With tracing off, there is no valid current span: nothing is stored, spans are no-ops.
 */
@ApplicationScoped
public class TraceContexts {

    public static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator PROPAGATOR = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final TextMapSetter<Map<String, String>> INTO_MAP = (carrier, key, value) -> carrier.put(key, value);

    private static final Logger LOG = Logger.getLogger(TraceContexts.class);

    private final Tracer tracer;
    private final boolean on;

    public TraceContexts(Tracer tracer, TracingConfig config,
            @ConfigProperty(name = TracingSwitch.SDK_DISABLED, defaultValue = "false") boolean sdkDisabled,
            @ConfigProperty(name = TracingSwitch.TRACES_ENDPOINT) Optional<String> tracesEndpoint) {
        this.tracer = tracer;
        // Quarkus's "SDK disabled" still hands out valid (unexported) span contexts: decide here, so that with
        // tracing off nothing is stored or sent and the hot path does no tracing work at all. The SDK's own switch
        // decides (TracingSwitch supplies its default from leadlistener.tracing.*), so an operator's
        // QUARKUS_OTEL_SDK_DISABLED turns our spans on or off together with Quarkus's.
        this.on = !sdkDisabled;
        Optional<String> ownEndpoint = config.endpoint().map(String::trim).filter(endpoint -> !endpoint.isEmpty());
        if (on) {
            String overridden = ownEndpoint
                    .filter(own -> tracesEndpoint.isPresent() && !own.equals(tracesEndpoint.get()))
                    .map(own -> " (the QUARKUS_OTEL_* setting wins over leadlistener.tracing.endpoint=" + own + ")")
                    .orElse("");
            LOG.infof("Tracing on%s%s", tracesEndpoint.map(endpoint -> ", OTLP traces endpoint " + endpoint)
                    .orElse(""), overridden);
        } else if (ownEndpoint.isPresent()) {
            LOG.infof("Tracing off: quarkus.otel.sdk.disabled=true wins over leadlistener.tracing.endpoint=%s",
                    ownEndpoint.get());
        }
    }

    /** The current span's {@code traceparent}, or null when there is no recording trace (tracing off). */
    public String currentTraceparent() {
        return on ? traceparentOf(Context.current()) : null;
    }

    /**
     * Starts a span continuing the stored trace, or a new trace when nothing was stored (a row written with tracing
     * off, or before it was on).
     */
    public Span startContinuing(String name, SpanKind kind, String storedTraceparent) {
        if (!on) {
            return Span.getInvalid();
        }
        SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(kind);
        if (storedTraceparent == null) {
            builder.setNoParent();
        } else {
            builder.setParent(PROPAGATOR.extract(Context.root(), Map.of(TRACEPARENT, storedTraceparent), FROM_MAP));
        }
        return builder.startSpan();
    }

    /** Header names and values that carry the span's context to the next hop (empty when tracing is off). */
    public Map<String, String> propagationHeaders(Span span) {
        if (!on || !span.getSpanContext().isValid()) {
            return Map.of();
        }
        Map<String, String> headers = new HashMap<>(2);
        PROPAGATOR.inject(Context.current().with(span), headers, INTO_MAP);
        return headers;
    }

    private static String traceparentOf(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        PROPAGATOR.inject(context, carrier, INTO_MAP);
        return carrier.get(TRACEPARENT);
    }
}
