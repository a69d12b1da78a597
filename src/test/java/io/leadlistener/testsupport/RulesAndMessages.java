package io.leadlistener.testsupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Test steps over the public API of the application under test: store a customer message through the ingestion API
 * and wait until the worker processed it, define an intent, publish a keyword for it.
 */
public final class RulesAndMessages {

    public static final String ADMIN_TOKEN = "test-admin-token";
    /** Ingestion tokens of the test tenants (application.properties, %test). */
    private static final Map<String, String> INGESTION_TOKENS = Map.of("demo", "test-ingest-token",
            "lab", "test-lab-ingest-token");

    private RulesAndMessages() {
    }

    public static RequestSpecification admin() {
        return given().auth().oauth2(ADMIN_TOKEN).contentType(ContentType.JSON);
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A prefix plus six random CJK characters: a keyword no built-in rule can match inside (random Latin letters can
     * spell a built-in keyword such as "fob").
     */
    public static String uniqueWord(String prefix) {
        String alphabet = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";
        StringBuilder word = new StringBuilder(prefix);
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 6; i++) {
            word.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return word.toString();
    }

    /** Stores a text through the ingestion API and waits until it was processed; @return its message id */
    public static String storeProcessedMessage(String tenant, String contactId, String text) {
        String messageId = unique("m-");
        given().auth().oauth2(INGESTION_TOKENS.get(tenant)).contentType(ContentType.JSON)
                .body(Map.of("tenant", tenant, "contactId", contactId, "messageId", messageId, "text", text,
                        "sentAt", Instant.now().toString(), "channel", "archive"))
                .when().post("/api/v1/messages").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "done".equals(admin().when()
                .get("/api/v1/tenants/" + tenant + "/messages/" + messageId).then().extract().path("status")));
        return messageId;
    }

    /** Defines a custom intent for the tenant; @return its name */
    public static String defineIntent(String tenant) {
        String intent = unique("custom-");
        admin().body(Map.of("name", intent, "label", "测试意图", "description", "test intent"))
                .when().post("/api/v1/tenants/" + tenant + "/intents").then().statusCode(201);
        return intent;
    }

    /** Adds a rule to the tenant's draft; {@code publish} makes it live at once. @return the rule id */
    public static long addRule(String tenant, String intent, String kind, String keyword, boolean publish) {
        return admin().body(Map.of("intent", intent, "kind", kind, "keyword", keyword))
                .when().post("/api/v1/tenants/" + tenant + "/intent-rules?publish=" + publish)
                .then().statusCode(201).extract().jsonPath().getLong("rule.id");
    }

    /** Publishes the tenant's draft; @return the new version */
    public static long publish(String tenant) {
        return admin().when().post("/api/v1/tenants/" + tenant + "/intent-rules/draft/publish")
                .then().statusCode(200).extract().jsonPath().getLong("version");
    }

    /** Throws the tenant's draft away, so a test starts from what is published. */
    public static void discardDraft(String tenant) {
        admin().when().delete("/api/v1/tenants/" + tenant + "/intent-rules/draft").then().statusCode(204);
    }
}
