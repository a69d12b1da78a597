package io.leadlistener.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadlistener.testsupport.LocalInfraTestResource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class TracingOffByDefaultTest {

    @Inject
    Tracer tracer;

    @Inject
    TraceContexts traces;

    @Test
    void withoutACollectorTheSdkIsOffAndNoTraceContextIsStoredOrSent() {
        assertThat(ConfigProvider.getConfig().getValue("quarkus.otel.sdk.disabled", Boolean.class)).isTrue();
        // Quarkus still hands out span contexts with its SDK "disabled"; ours must not store or send them.
        Span request = tracer.spanBuilder("a request").startSpan();
        try (var ignored = request.makeCurrent()) {
            assertThat(traces.currentTraceparent()).isNull();
        } finally {
            request.end();
        }
        Span processing = traces.startContinuing("inbox process", SpanKind.CONSUMER,
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(processing.getSpanContext().isValid()).isFalse();
        assertThat(traces.propagationHeaders(processing)).isEmpty();
    }
}
