package io.leadlistener.lead.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.leadlistener.events.EventSchemas;
import io.leadlistener.events.LeadIds;
import io.leadlistener.testsupport.InboxRows;
import io.leadlistener.testsupport.LeadEventsConsumer;
import io.leadlistener.testsupport.LeadEventsConsumer.Received;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.leadlistener.testsupport.WeComSimulator;
import io.leadlistener.wecom.crypto.SignedCallback;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Routing rules through the admin API: versions, history, rollback, every refusal, and the worker routing by the
 * version in force. Uses tenant {@code lab} so that demo's routing (other tests' expectations) never changes.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class RoutingRulesResourceTest {

    private static final String ROUTING = "/api/v1/tenants/lab/routing";

    @Inject
    AgroalDataSource dataSource;

    private static RequestSpecification admin() {
        return given().auth().oauth2("test-admin-token").contentType(ContentType.JSON);
    }

    private static long currentVersion() {
        return admin().when().get(ROUTING).then().statusCode(200).extract().jsonPath().getLong("version");
    }

    private static String rules(String quotePool, String defaultPool) {
        return rules(quotePool, defaultPool, "\"test\"", null);
    }

    private static String rules(String quotePool, String defaultPool, String noteJson, Long baseVersion) {
        return """
                {"pools": {"agency": "channel-partners", "sample": "sample-desk", "quote": "%s"},
                 "precedence": ["agency", "sample", "quote"], "defaultPool": "%s", "note": %s, "baseVersion": %s}"""
                .formatted(quotePool, defaultPool, noteJson, baseVersion);
    }

    @Test
    void versionZeroIsTheConfiguredDefaults() {
        admin().when().get(ROUTING + "/versions/0").then().statusCode(200)
                .body("version", equalTo(0))
                .body("origin", equalTo("config"))
                .body("pools.agency", equalTo("channel-partners"))
                .body("pools.sample", equalTo("sample-desk"))
                .body("pools.quote", equalTo("sales"))
                .body("precedence", equalTo(List.of("agency", "sample", "quote")))
                .body("defaultPool", equalTo("sales"))
                .body("publishedBy", nullValue());
    }

    @Test
    void aReplacementIsPublishedAsTheNextVersionWithWhoAndWhatChanged() {
        long before = currentVersion();
        String pool = "desk-" + UUID.randomUUID().toString().substring(0, 6);

        admin().body(rules(pool, "sales")).when().put(ROUTING).then().statusCode(200)
                .body("version", equalTo((int) before + 1))
                .body("origin", equalTo("edit"))
                .body("publishedBy", equalTo("test-admin"))
                .body("pools.quote", equalTo(pool))
                .body("note", equalTo("test"))
                .body("changes.pools.quote[1]", equalTo(pool));

        admin().when().get(ROUTING).then().statusCode(200)
                .body("version", equalTo((int) before + 1)).body("pools.quote", equalTo(pool));
        List<Integer> versions = admin().when().get(ROUTING + "/versions").then().statusCode(200)
                .extract().jsonPath().getList("version");
        assertThat(versions.get(0)).isEqualTo((int) before + 1);
        assertThat(versions.get(versions.size() - 1)).isZero();
        assertThat(versions).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    }

    @Test
    void aCredentialOfTheTenantPublishesUnderItsOwnNameAndTheDeprecatedTokenStillActsAsAnAdmin() {
        String pool = "desk-" + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2("test-lab-operator-token").contentType(ContentType.JSON)
                .body(rules(pool, "sales")).when().put(ROUTING).then().statusCode(200)
                .body("publishedBy", equalTo("lab-operator"));
        given().auth().oauth2("test-demo-editor-token").contentType(ContentType.JSON)
                .body(rules(pool + "x", "sales")).when().put(ROUTING).then().statusCode(403)
                .body("missingTenant", equalTo("lab"));

        given().auth().oauth2("test-legacy-admin-token").contentType(ContentType.JSON)
                .body(rules(pool + "y", "sales")).when().put(ROUTING).then().statusCode(200)
                .body("publishedBy", equalTo("legacy-ops"));
    }

    @Test
    void rollbackRestoresAnEarlierVersionAsANewOne() {
        admin().body(rules("rollback-probe", "sales")).when().put(ROUTING).then().statusCode(200);
        long probe = currentVersion();

        admin().body("{\"version\": 0, \"note\": \"back to defaults\"}").when().post(ROUTING + "/rollback")
                .then().statusCode(200)
                .body("version", equalTo((int) probe + 1))
                .body("origin", equalTo("rollback"))
                .body("rolledBackTo", equalTo(0))
                .body("pools.quote", equalTo("sales"))
                .body("changes.pools.quote", equalTo(List.of("rollback-probe", "sales")));

        admin().body("{\"version\": " + probe + "}").when().post(ROUTING + "/rollback").then().statusCode(200)
                .body("version", equalTo((int) probe + 2)).body("pools.quote", equalTo("rollback-probe"));
        admin().when().get(ROUTING + "/versions/" + probe).then().statusCode(200)
                .body("pools.quote", equalTo("rollback-probe")).body("origin", equalTo("edit"));
    }

    @Test
    void aRoutingBodyOfTheWrongShapeNamesEachField() {
        admin().body("{\"pools\": [], \"precedence\": \"quote\", \"defaultPool\": 7, \"baseVersion\": \"v3\"}")
                .when().put(ROUTING).then().statusCode(400)
                .body("type", containsString("invalid-routing"))
                .body("errors.field", contains("pools", "precedence", "defaultPool", "baseVersion"))
                .body("detail", containsString("pools: must be an object of strings, not an array"));
        admin().body("{\"version\": \"latest\"}").when().post(ROUTING + "/rollback").then().statusCode(400)
                .body("type", containsString("invalid-rollback"))
                .body("errors[0].field", equalTo("version"));
    }

    @Test
    void invalidRulesAreRefusedWithEveryProblemNamedAndNothingPublished() {
        long before = currentVersion();

        admin().body("{}").when().put(ROUTING).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("pools", "precedence", "defaultPool"));
        admin().body("""
                        {"pools": {"agnecy": "channel-partners", "quote": "Sales Team"},
                         "precedence": ["quote", "quote", "Quote"], "defaultPool": ""}""")
                .when().put(ROUTING).then().statusCode(400)
                .body("detail", containsString("unknown intent 'agnecy'"))
                .body("detail", containsString("'Sales Team' is not a pool name"))
                .body("detail", containsString("'quote' is listed twice"))
                .body("detail", containsString("'Quote' is not an intent name"))
                .body("errors.field", hasItems("pools.agnecy", "pools.quote", "precedence[1]", "precedence[2]",
                        "defaultPool"));
        admin().body("{\"pools\": [], \"precedence\": [], \"defaultPool\": \"sales\"}").when().put(ROUTING)
                .then().statusCode(400);
        admin().body("{\"pools\": {\"quote\": ").when().put(ROUTING).then().statusCode(400);
        admin().body(rules("sales", "sales", "\"" + "x".repeat(501) + "\"", null))
                .when().put(ROUTING).then().statusCode(400).body("detail", containsString("note"));
        admin().body("{\"note\": \"no version\"}").when().post(ROUTING + "/rollback").then().statusCode(400)
                .body("detail", containsString("version is required"));
        admin().body("{\"version\": 999999}").when().post(ROUTING + "/rollback").then().statusCode(404)
                .body("detail", containsString("no routing version 999999"));
        admin().when().get(ROUTING + "/versions/999999").then().statusCode(404);
        admin().when().get("/api/v1/tenants/nosuch/routing").then().statusCode(404)
                .body("detail", containsString("no tenant 'nosuch'"));
        given().contentType(ContentType.JSON).body(rules("sales", "sales")).when().put(ROUTING).then()
                .statusCode(401);

        assertThat(currentVersion()).isEqualTo(before);
    }

    @Test
    void publishingTheRulesInForceOrOverAnUnseenVersionIsAConflict() {
        admin().body(rules("conflict-probe", "sales")).when().put(ROUTING).then().statusCode(200);
        long inForce = currentVersion();

        admin().body(rules("conflict-probe", "sales")).when().put(ROUTING).then().statusCode(409)
                .body("detail", containsString("equal version " + inForce));
        admin().body(rules("other", "sales", "null", inForce - 1))
                .when().put(ROUTING).then().statusCode(409)
                .body("versionInForce", equalTo((int) inForce))
                .body("detail", containsString("based on version " + (inForce - 1)));
        admin().body(rules("other", "sales", "null", inForce))
                .when().put(ROUTING).then().statusCode(200).body("version", equalTo((int) inForce + 1));
    }

    @Test
    void concurrentPublishesGetConsecutiveVersionsAndNoneIsLost() throws Exception {
        long before = currentVersion();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> publishes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String rules = rules("concurrent-" + i + "-" + UUID.randomUUID().toString().substring(0, 4), "sales");
                publishes.add(() -> admin().body(rules).when().put(ROUTING).then().statusCode(200)
                        .extract().jsonPath().getInt("version"));
            }
            Set<Integer> versions = new TreeSet<>();
            for (Future<Integer> version : pool.invokeAll(publishes)) {
                versions.add(version.get());
            }
            assertThat(versions).hasSize(6).first().isEqualTo((int) before + 1);
            assertThat(versions).last().isEqualTo((int) before + 6);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theWorkerRoutesByTheVersionInForceAndTheEventSaysWhich() {
        String pool = "key-accounts-" + UUID.randomUUID().toString().substring(0, 6);
        long version = admin().body(rules(pool, "sales")).when().put(ROUTING).then().statusCode(200)
                .extract().jsonPath().getLong("version");
        String user = "buyer-" + UUID.randomUUID().toString().substring(0, 8);
        String leadId = LeadIds.leadId("lab", "internal", user);

        try (LeadEventsConsumer consumer = new LeadEventsConsumer()) {
            SignedCallback signed = WeComSimulator.sign(WeComSimulator.DEMO_SECRET, WeComSimulator.DEMO_CORP_ID,
                    WeComSimulator.textMessage(user, "麻烦报个价", WeComSimulator.nextMsgId()),
                    System.currentTimeMillis() / 1000);
            given().queryParams(signed.queryParameters()).body(signed.envelopeXml("1000002"))
                    .when().post("/wecom/callback/lab").then().statusCode(200);

            List<Received> events = consumer.pollUntil(r -> leadId.equals(r.key()), r -> r.size() >= 2,
                    Duration.ofSeconds(30));
            assertThat(events).extracting(Received::type).containsExactly("lead.created.v1", "lead.intent-tagged.v1");
            for (Received event : events) {
                EventSchemas.assertValid(event.raw());
                assertThat(event.data().path("pool").asText()).isEqualTo(pool);
                assertThat(event.data().path("routing").path("intent").asText()).isEqualTo("quote");
                assertThat(event.data().path("routing").path("ruleSetVersion").asLong()).isEqualTo(version);
            }
        }
        InboxRows rows = new InboxRows(dataSource);
        assertThat(rows.query("select pool from lead where lead_id = ?", leadId)).singleElement()
                .satisfies(row -> assertThat(row.get("pool")).isEqualTo(pool));
        assertThat(rows.queryLong("select routing_version from lead where lead_id = ?", leadId)).isEqualTo(version);
    }
}
