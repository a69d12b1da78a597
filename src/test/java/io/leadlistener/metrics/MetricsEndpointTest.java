package io.leadlistener.metrics;

import static io.leadlistener.testsupport.ManagementEndpoints.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadlistener.testsupport.LocalInfraTestResource;
import io.leadlistener.testsupport.WeComSimulator;
import io.leadlistener.wecom.crypto.SignedCallback;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/metrics} (on the management interface) in Prometheus format with the names docs/operations.md promises, moving as callbacks arrive,
 * are tagged and published.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class MetricsEndpointTest {

    private static String metrics() {
        return management().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one series, 0 if it is not there yet. */
    private static double value(String metrics, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    @Test
    void callbacksTagsAndPublishedEventsAreCountedAndTheGaugesAreThere() {
        String accepted = "leadlistener_callbacks_total{outcome=\"accepted\",reason=\"none\",tenant=\"demo\"}";
        String duplicate = "leadlistener_callbacks_total{outcome=\"duplicate\",reason=\"none\",tenant=\"demo\"}";
        String badSignature =
                "leadlistener_callbacks_total{outcome=\"rejected\",reason=\"signature-mismatch\",tenant=\"demo\"}";
        String unknownTenant =
                "leadlistener_callbacks_total{outcome=\"rejected\",reason=\"unknown-tenant\",tenant=\"unknown\"}";
        String quotes = "leadlistener_intents_tagged_total{intent=\"quote\",tenant=\"demo\"}";
        String created = "leadlistener_events_published_total{type=\"lead.created.v1\"}";
        String before = metrics();

        SignedCallback message = WeComSimulator.sign(WeComSimulator.textMessage(
                "metrics-" + UUID.randomUUID().toString().substring(0, 8), "能报个价吗", WeComSimulator.nextMsgId()));
        for (int delivery = 0; delivery < 2; delivery++) {
            given().queryParams(message.queryParameters()).body(message.envelopeXml("1000002"))
                    .when().post("/wecom/callback/demo").then().statusCode(200);
        }
        java.util.Map<String, Object> forged = new java.util.HashMap<>(message.queryParameters());
        forged.put("msg_signature", "0".repeat(40));
        given().queryParams(forged).body(message.envelopeXml("1000002"))
                .when().post("/wecom/callback/demo").then().statusCode(401);
        given().queryParams(message.queryParameters()).body(message.envelopeXml("1000002"))
                .when().post("/wecom/callback/no-such-tenant-" + UUID.randomUUID()).then().statusCode(404);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String after = metrics();
            assertThat(value(after, accepted) - value(before, accepted)).isEqualTo(1);
            assertThat(value(after, duplicate) - value(before, duplicate)).isEqualTo(1);
            assertThat(value(after, badSignature) - value(before, badSignature)).isEqualTo(1);
            assertThat(value(after, unknownTenant) - value(before, unknownTenant)).isEqualTo(1);
            assertThat(value(after, quotes) - value(before, quotes)).isEqualTo(1);
            assertThat(value(after, created) - value(before, created)).isGreaterThanOrEqualTo(1);
            assertThat(after).contains("leadlistener_events_end_to_end_latency_seconds_count",
                    "leadlistener_inbox_processing_latency_seconds_count{source=\"wecom-callback\",tenant=\"demo\"}",
                    "leadlistener_inbox_store_batch_size_count ",
                    "leadlistener_inbox_pending ", "leadlistener_inbox_oldest_pending_age_seconds ",
                    "leadlistener_inbox_parked ", "leadlistener_outbox_pending ",
                    "leadlistener_outbox_oldest_pending_age_seconds ", "leadlistener_outbox_parked ",
                    "leadlistener_intent_rule_set_version{rule_set=\"demo\"}");
        });
    }

    /** Issue 20: counters exist at 0 before the first failure, and a refused URL verification counts too. */
    @Test
    void everyRejectionReasonOfEveryTenantIsThereFromTheStartAndUrlVerificationCounts() {
        String metrics = metrics();
        for (String tenant : java.util.List.of("demo", "lab")) {
            for (String reason : java.util.List.of("timestamp-outside-window", "signature-mismatch",
                    "decryption-failed", "receiveid-mismatch", "malformed-xml", "body-too-large")) {
                assertThat(metrics).contains("leadlistener_callbacks_total{outcome=\"rejected\",reason=\"" + reason
                        + "\",tenant=\"" + tenant + "\"}");
            }
        }
        String badVerification =
                "leadlistener_callbacks_total{outcome=\"rejected\",reason=\"signature-mismatch\",tenant=\"lab\"}";
        double before = value(metrics, badVerification);
        given().queryParam("msg_signature", "0".repeat(40)).queryParam("timestamp",
                        Long.toString(java.time.Instant.now().getEpochSecond())).queryParam("nonce", "1")
                .queryParam("echostr", "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==")
                .when().get("/wecom/callback/lab").then().statusCode(401);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(value(metrics(), badVerification) - before).isEqualTo(1));
    }
}
