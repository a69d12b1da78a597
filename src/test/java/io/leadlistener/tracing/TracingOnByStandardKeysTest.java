package io.leadlistener.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadlistener.testsupport.LocalInfraTestResource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * An operator who turns the SDK on with the standard key gets the whole trace, not only Quarkus's HTTP spans: the
 * trace context is stored with inbox rows and continued by the worker and the relay as with the service's own switch.
 */
@QuarkusTest
@TestProfile(StandardOtelKeysOn.class)
@QuarkusTestResource(LocalInfraTestResource.class)
class TracingOnByStandardKeysTest {

    private static final String STORED = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Inject
    Tracer tracer;

    @Inject
    TraceContexts traces;

    @Test
    void sdkDisabledFalseAloneStoresAndContinuesTraceContexts() {
        assertThat(ConfigProvider.getConfig().getValue("quarkus.otel.sdk.disabled", Boolean.class)).isFalse();
        Span request = tracer.spanBuilder("a request").startSpan();
        try (var ignored = request.makeCurrent()) {
            assertThat(traces.currentTraceparent()).startsWith("00-" + request.getSpanContext().getTraceId());
        } finally {
            request.end();
        }
        Span processing = traces.startContinuing("inbox process", SpanKind.CONSUMER, STORED);
        try {
            assertThat(processing.getSpanContext().getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
            assertThat(traces.propagationHeaders(processing)).containsKey(TraceContexts.TRACEPARENT);
        } finally {
            processing.end();
        }
    }
}
