package io.leadlistener.tracing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadlistener.events.LeadIds;
import io.leadlistener.testsupport.LeadEventsConsumer;
import io.leadlistener.testsupport.LeadEventsConsumer.Received;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.leadlistener.testsupport.WeComSimulator;
import io.leadlistener.wecom.crypto.SignedCallback;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With tracing on, one trace runs from the callback's HTTP request through the inbox worker to the Kafka publish, across
 * the inbox and outbox tables, and the record a consumer reads carries it in its {@code traceparent} header.
 */
@QuarkusTest
@TestProfile(TracingOn.class)
@QuarkusTestResource(LocalInfraTestResource.class)
class CallbackToKafkaTracingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theKafkaRecordContinuesTheTraceOfTheCallbackThroughTheWorker() {
        String user = "traced-" + UUID.randomUUID().toString().substring(0, 8);
        String leadId = LeadIds.leadId("demo", "internal", user);
        SignedCallback signed = WeComSimulator.sign(WeComSimulator.textMessage(user, "能给个报价吗？",
                WeComSimulator.nextMsgId()));
        given().queryParams(signed.queryParameters()).body(signed.envelopeXml("1000002"))
                .when().post("/wecom/callback/demo").then().statusCode(200);

        List<Received> records;
        try (LeadEventsConsumer consumer = new LeadEventsConsumer()) {
            records = consumer.pollUntil(r -> leadId.equals(r.key()), r -> r.size() >= 2, WAIT);
        }
        assertThat(records).extracting(Received::type).containsExactly("lead.created.v1", "lead.intent-tagged.v1");
        String traceId = traceIdOf(records.get(0).traceParent());
        assertThat(records).allSatisfy(record -> assertThat(traceIdOf(record.traceParent())).isEqualTo(traceId));

        await().atMost(WAIT).untilAsserted(() -> assertThat(spansOf(traceId))
                .extracting(SpanData::getKind).contains(SpanKind.SERVER, SpanKind.CONSUMER, SpanKind.PRODUCER));
        List<SpanData> trace = spansOf(traceId);
        SpanData server = only(trace, SpanKind.SERVER);
        assertThat(server.getAttributes().asMap().values().toString()).contains("/wecom/callback");
        SpanData processing = only(trace, SpanKind.CONSUMER);
        assertThat(processing.getName()).isEqualTo("inbox process");
        assertThat(isDescendant(processing, server, trace)).as("processing continues the callback's trace").isTrue();
        List<SpanData> publishes = trace.stream().filter(span -> span.getKind() == SpanKind.PRODUCER).toList();
        assertThat(publishes).hasSize(2).allSatisfy(publish -> {
            assertThat(publish.getParentSpanId()).isEqualTo(processing.getSpanId());
            assertThat(publish.getName()).isEqualTo("crm.lead-events publish");
        });
        // Each record's header names its own publish span, so a consumer's span becomes that span's child.
        assertThat(records).extracting(record -> spanIdOf(record.traceParent()))
                .containsExactlyInAnyOrderElementsOf(publishes.stream().map(SpanData::getSpanId).toList());
    }

    private List<SpanData> spansOf(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    private static SpanData only(List<SpanData> trace, SpanKind kind) {
        List<SpanData> ofKind = trace.stream().filter(span -> span.getKind() == kind).toList();
        assertThat(ofKind).as("%s spans", kind).hasSize(1);
        return ofKind.get(0);
    }

    private static boolean isDescendant(SpanData span, SpanData ancestor, List<SpanData> trace) {
        String parent = span.getParentSpanId();
        while (parent != null && !parent.equals("0000000000000000")) {
            if (parent.equals(ancestor.getSpanId())) {
                return true;
            }
            String current = parent;
            parent = trace.stream().filter(candidate -> candidate.getSpanId().equals(current)).findFirst()
                    .map(SpanData::getParentSpanId).orElse(null);
        }
        return false;
    }

    /** {@code 00-<trace id>-<span id>-<flags>} */
    private static String traceIdOf(String traceParent) {
        assertThat(traceParent).as("traceparent header").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        return traceParent.split("-")[1];
    }

    private static String spanIdOf(String traceParent) {
        return traceParent.split("-")[2];
    }
}
