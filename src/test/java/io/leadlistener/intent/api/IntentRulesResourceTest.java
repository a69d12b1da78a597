package io.leadlistener.intent.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.leadlistener.intent.engine.IntentRule;
import io.leadlistener.intent.engine.RuleKind;
import io.leadlistener.intent.rules.RuleStore;
import io.leadlistener.intent.rules.StoredRule;
import io.leadlistener.testsupport.LocalInfraTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(LocalInfraTestResource.class)
class IntentRulesResourceTest {

    private static final String RULES = "/api/v1/tenants/demo/intent-rules";
    private static final String INTENTS = "/api/v1/tenants/demo/intents";
    private static final String DRY_RUN = "/api/v1/intents/test";

    @Inject
    RuleStore store;

    @Test
    void refusesEveryRulesEndpointWithoutAToken() {
        given().when().get(RULES).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").when().post(RULES).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"text\":\"报价\"}").when().post(DRY_RUN).then().statusCode(401);
        given().when().get(INTENTS).then().statusCode(401);
    }

    @Test
    void aDraftChangeIsInvisibleUntilPublishedThenAuditedAndLive() {
        String intent = defineCustomIntent();
        String keyword = "贴牌" + intent.substring(intent.length() - 4);

        admin().body(Map.of("intent", intent, "kind", "keyword", "keyword", keyword, "note", "OEM buyers"))
                .when().post(RULES).then().statusCode(201)
                .body("rule.keyword", equalTo(keyword)).body("publishedVersion", nullValue());

        dryRun(Map.of("text", "能做" + keyword + "吗", "tenant", "demo")).body("intents", not(hasItem(intent)));
        dryRun(Map.of("text", "能做" + keyword + "吗", "tenant", "demo", "draft", true))
                .body("intents", contains(intent));
        admin().when().get(RULES + "/draft").then().statusCode(200)
                .body("added.keyword", hasItem(keyword)).body("summary", containsString("1 added"));

        int version = admin().when().post(RULES + "/draft/publish").then().statusCode(200)
                .body("changes.added.keyword", contains(keyword))
                .extract().path("version");

        dryRun(Map.of("text", "能做" + keyword + "吗", "tenant", "demo"))
                .body("intents", contains(intent))
                .body("matches[0].text", equalTo(keyword))
                .body("ruleSetVersion", equalTo(version));
        admin().when().get(RULES + "/audit?limit=5").then().statusCode(200)
                .body("[0].version", equalTo(version))
                .body("[0].actor", equalTo("test-admin"))
                .body("[0].action", equalTo("publish"))
                .body("[0].changes.added[0].keyword", equalTo(keyword));
        admin().when().post(RULES + "/draft/publish").then().statusCode(409)
                .body("type", containsString("nothing-to-publish"));
    }

    @Test
    void aTenantCanDisableADefaultKeywordWithoutTouchingOtherTenantsAndRollBack() {
        String intent = defineCustomIntent();
        int baseline = admin().body(Map.of("intent", intent, "kind", "keyword", "keyword", "基线" + intent))
                .when().post(RULES + "?publish=true").then().statusCode(201).extract().path("publishedVersion");
        String text = "样册";
        dryRun(Map.of("text", text, "tenant", "demo")).body("intents", hasItem("sample"));

        int disabled = admin().body(Map.of("intent", "sample", "kind", "keyword", "keyword", "样册", "enabled", false))
                .when().post(RULES + "?publish=true").then().statusCode(201)
                .extract().path("publishedVersion");

        dryRun(Map.of("text", text, "tenant", "demo")).body("intents", not(hasItem("sample")))
                .body("ruleSetVersion", equalTo(disabled));
        dryRun(Map.of("text", text)).body("intents", hasItem("sample"));

        int rolledBack = admin().when().post(RULES + "/versions/" + baseline + "/rollback").then().statusCode(200)
                .body("changes.removed.keyword", hasItem("样册"))
                .extract().path("version");
        assertThat(rolledBack).isGreaterThan(disabled);
        admin().when().get(RULES + "/versions/" + disabled + "/diff/" + rolledBack).then().statusCode(200)
                .body("removed.keyword", hasItem("样册"));
        admin().when().get(RULES + "/versions").then().statusCode(200)
                .body("find { it.version == " + rolledBack + " }.origin", equalTo("rollback"))
                .body("find { it.version == " + rolledBack + " }.rolledBackTo", equalTo(baseline));
        dryRun(Map.of("text", text, "tenant", "demo")).body("intents", hasItem("sample"))
                .body("ruleSetVersion", equalTo(rolledBack));
    }

    @Test
    void aRuleBodyWithMistypedAndUnknownFieldsNamesEveryOneAtOnce() {
        admin().body("""
                        {"intent": "quote", "kind": "combination", "a": "多少", "b": ["运费"], "window": "near",
                         "ordered": "yes", "colour": "red"}""").when().post(RULES).then().statusCode(400)
                .body("type", containsString("invalid-rule"))
                .body("errors.field", contains("colour", "a", "window", "ordered"))
                .body("detail", containsString("a must be an array of strings, not a string"))
                .body("detail", containsString("window must be a whole number, got \"near\""))
                .body("detail", containsString("colour is not a known field"));
    }

    @Test
    void aRuleReadBackWithItsIdCanBeSentAsItWas() {
        String keyword = "回读" + System.nanoTime();
        Map<String, Object> view = admin().body(Map.of("intent", "quote", "kind", "keyword", "keyword", keyword))
                .when().post(RULES).then().statusCode(201).extract().path("rule");

        admin().body(Map.of("id", view.get("id"), "intent", "quote", "kind", "keyword", "keyword", keyword,
                        "enabled", false, "note", "round trip"))
                .when().put(RULES + "/" + view.get("id")).then().statusCode(200)
                .body("rule.enabled", equalTo(false));
    }

    @Test
    void rejectsInvalidRulesWithPreciseMessagesAndStoresNothing() {
        int draftSize = admin().when().get(RULES + "?size=500").then().extract().path("total");

        admin().body(Map.of("kind", "keyword")).when().post(RULES).then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("intent is required; keyword is required"))
                .body("errors.field", contains("intent", "keyword"));
        admin().body(Map.of("intent", "quote", "kind", "synonym", "keyword", "价钱")).when().post(RULES)
                .then().statusCode(400).body("errors[0].field", equalTo("kind"))
                .body("detail", containsString("unknown rule kind 'synonym'"));
        admin().body(Map.of("intent", "nosuchintent", "kind", "keyword", "keyword", "价钱")).when().post(RULES)
                .then().statusCode(400).body("type", containsString("unknown-intent"));
        admin().body(Map.of("intent", "quote", "kind", "keyword", "keyword", "!!！")).when().post(RULES)
                .then().statusCode(400).body("detail", containsString("no letter, digit or CJK character"));
        admin().body(Map.of("intent", "quote", "kind", "keyword", "keyword", "价".repeat(65))).when().post(RULES)
                .then().statusCode(400).body("detail", equalTo("keyword is 65 characters; the limit is 64"));
        admin().body("{\"intent\": \"quote\",").when().post(RULES).then().statusCode(400)
                .body("type", containsString("invalid-json"));
        admin().when().post(RULES).then().statusCode(400).body("type", containsString("missing-body"));
        admin().when().get(RULES + "?state=live").then().statusCode(400)
                .body("detail", equalTo("state must be 'draft' or 'published', got 'live'"));
        admin().when().get("/api/v1/tenants/nosuch/intent-rules").then().statusCode(404);
        admin().when().get(RULES + "/versions/999999").then().statusCode(404);
        admin().when().put(RULES + "/999999").then().statusCode(400);
        admin().body(Map.of("intent", "quote", "kind", "keyword", "keyword", "价钱")).when().put(RULES + "/999999")
                .then().statusCode(404).body("detail", equalTo("rule set 'demo' has no rule 999999"));

        assertThat((Integer) admin().when().get(RULES + "?size=500").then().extract().path("total"))
                .isEqualTo(draftSize);
    }

    @Test
    void refusesDuplicateRulesAndIntents() {
        String intent = defineCustomIntent();
        admin().body(Map.of("name", intent)).when().post(INTENTS).then().statusCode(409);
        admin().body(Map.of("name", "quote")).when().post(INTENTS).then().statusCode(409);
        admin().body(Map.of("name", "Not Valid")).when().post(INTENTS).then().statusCode(400);
        Map<String, Object> rule = Map.of("intent", intent, "kind", "keyword", "keyword", "重复词" + intent);
        admin().body(rule).when().post(RULES).then().statusCode(201);
        admin().body(rule).when().post(RULES).then().statusCode(409).body("type", containsString("duplicate-rule"));
        admin().when().delete(RULES + "/draft").then().statusCode(204);
        admin().when().get(RULES + "/draft").then().body("added", empty());
    }

    @Test
    void aVersionPublishedByAnotherReplicaIsServedHereWithinTwoSeconds() {
        String intent = defineCustomIntent();
        String keyword = "远端词" + intent.substring(intent.length() - 4);
        // Another replica publishes: straight into the database, without this replica's API noticing.
        long version = QuarkusTransaction.requiringNew().call(() -> {
            store.lockRuleSet("demo");
            List<StoredRule> rules = new ArrayList<>(store.versionRules(store.latestVersion("demo").orElseThrow()));
            rules.add(new StoredRule(900_000_000L + rules.size() + (long) (Math.random() * 1_000_000),
                    IntentRule.of(intent, RuleKind.KEYWORD, keyword)));
            return store.insertVersion("demo", rules, "other-replica", "publish", null);
        });

        await().atMost(Duration.ofMillis(2500)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                dryRun(Map.of("text", "我要" + keyword, "tenant", "demo"))
                        .body("intents", contains(intent))
                        .body("ruleSetVersion", equalTo((int) version)));
    }

    @Test
    void dryRunValidatesItsInput() {
        dryRunRaw(Map.of()).statusCode(400).body("detail", equalTo("text is required and must not be blank"));
        dryRunRaw(Map.of("text", "  ")).statusCode(400);
        dryRunRaw(Map.of("text", "x".repeat(4001))).statusCode(400)
                .body("detail", equalTo("text is 4001 characters; the limit is 4000"));
        // 4,000 emoji are 8,000 UTF-16 units but 4,000 code points: allowed.
        dryRunRaw(Map.of("text", "💰".repeat(4000))).statusCode(200);
        dryRunRaw(Map.of("text", "报价", "tenant", "nosuch")).statusCode(404);
        admin().body("{\"text\": [1]}").when().post(DRY_RUN).then().statusCode(400)
                .body("detail", containsString("field 'text'"));
        dryRun(Map.of("text", "样品就不用了，先报个价")).body("intents", contains("quote"))
                .body("suppressed[0].reason", equalTo("negated"))
                .body("suppressed[0].cue", not(nullValue()))
                .body("ruleSetVersion", greaterThan(0));
    }

    @Test
    void wordSetsCombinationsAndMentionFramesAreRulesLikeTheOthers() {
        String intent = defineCustomIntent();
        String suffix = intent.substring(intent.length() - 4);
        String set = "brand-words-" + suffix;
        String brand = "鲸选" + suffix;
        admin().body(Map.of("kind", "word_set", "keyword", set, "words", List.of(brand, "鲸选牌")))
                .when().post(RULES).then().statusCode(201)
                .body("rule.intent", equalTo("*")).body("rule.words", contains(brand, "鲸选牌"));
        admin().body(Map.of("intent", intent, "kind", "combination", "a", List.of("@" + set), "b", List.of("贴牌"),
                        "window", 4))
                .when().post(RULES).then().statusCode(201)
                .body("rule.keyword", equalTo("@" + set + " … 贴牌"))
                .body("rule.a", contains("@" + set)).body("rule.window", equalTo(4))
                .body("rule.ordered", equalTo(false)).body("rule.effect", equalTo("tag"));
        admin().body(Map.of("intent", intent, "kind", "mention_frame", "a", List.of("上次"), "b", List.of("贴牌"),
                        "window", 6, "ordered", true))
                .when().post(RULES).then().statusCode(201).body("rule.effect", equalTo("mention"));
        admin().when().post(RULES + "/draft/publish").then().statusCode(200);

        String text = "想做" + brand + "的贴牌";
        int start = text.indexOf(brand);
        dryRun(Map.of("text", text, "tenant", "demo"))
                .body("intents", hasItem(intent))
                .body("matches.find { it.intent == '" + intent + "' }.keyword", equalTo("@" + set + " … 贴牌"))
                .body("matches.find { it.intent == '" + intent + "' }.start", equalTo(start))
                .body("matches.find { it.intent == '" + intent + "' }.end", equalTo(text.length()))
                .body("matches.find { it.intent == '" + intent + "' }.parts.text", contains(brand, "贴牌"));
        dryRun(Map.of("text", "上次" + brand + "贴牌的货到了", "tenant", "demo"))
                .body("intents", not(hasItem(intent)))
                .body("suppressed.find { it.intent == '" + intent + "' }.reason", equalTo("mention"))
                .body("suppressed.find { it.intent == '" + intent + "' }.frame", equalTo("上次 … 贴牌"));
        admin().when().get(RULES + "?q=" + set).then().statusCode(200)
                .body("items.kind", hasItem("word_set"));
    }

    @Test
    void invalidNewKindsAreRefusedNamingTheFieldAndNothingIsStored() {
        String intent = defineCustomIntent();
        admin().body(Map.of("kind", "word_set", "keyword", "empty-set", "words", List.of())).when().post(RULES)
                .then().statusCode(400).body("errors[0].field", equalTo("words"));
        admin().body(Map.of("kind", "word_set", "keyword", "nested-set", "words", List.of("@other"))).when().post(RULES)
                .then().statusCode(400).body("errors[0].field", equalTo("words"))
                .body("detail", containsString("do not nest"));
        admin().body(Map.of("intent", intent, "kind", "combination", "a", List.of("多少"), "b", List.of("落地"),
                "window", 0)).when().post(RULES).then().statusCode(400).body("errors[0].field", equalTo("window"));
        admin().body(Map.of("intent", intent, "kind", "combination", "a", List.of("多少"), "b", List.of("落地"),
                "window", 31)).when().post(RULES).then().statusCode(400).body("errors[0].field", equalTo("window"));
        admin().body(Map.of("intent", intent, "kind", "combination", "a", List.of("多少"), "b", List.of("落地"),
                "effect", "shout")).when().post(RULES).then().statusCode(400).body("errors[0].field", equalTo("effect"));
        admin().body(Map.of("intent", intent, "kind", "combination", "a", List.of(), "b", List.of("落地")))
                .when().post(RULES).then().statusCode(400).body("errors[0].field", equalTo("a"));
        admin().body(Map.of("intent", intent, "kind", "combination", "a", List.of("@no-such-set"), "b", List.of("落地")))
                .when().post(RULES).then().statusCode(400).body("type", containsString("unknown-word-set"))
                .body("errors[0].field", equalTo("a")).body("detail", containsString("@no-such-set"));
        admin().body(Map.of("intent", intent, "kind", "keyword", "keyword", "报价单", "words", List.of("x")))
                .when().post(RULES).then().statusCode(400).body("errors[0].field", equalTo("kind"));
        admin().when().get(RULES + "/draft").then().statusCode(200)
                .body("added.keyword", not(hasItem("empty-set")))
                .body("added.keyword", not(hasItem("nested-set")));
    }

    @Test
    void defaultCannotDropAWordSetATenantStillUses() {
        String defaultRules = "/api/v1/tenants/default/intent-rules";
        String set = "shared-" + UUID.randomUUID().toString().substring(0, 8);
        int setId = admin().body(Map.of("kind", "word_set", "keyword", set, "words", List.of("共享词")))
                .when().post(defaultRules + "?publish=true").then().statusCode(201).extract().path("rule.id");
        String intent = defineCustomIntent();
        String combination = admin().body(Map.of("intent", intent, "kind", "combination", "a", List.of("@" + set),
                        "b", List.of("多少")))
                .when().post(RULES + "?publish=true").then().statusCode(201).extract().path("rule.keyword");

        admin().when().delete(defaultRules + "/" + setId).then().statusCode(204);
        admin().when().post(defaultRules + "/draft/publish").then().statusCode(409)
                .body("type", containsString("word-set-in-use"))
                .body("detail", containsString("'demo'")).body("detail", containsString(combination));
        admin().when().delete(defaultRules + "/draft").then().statusCode(204);
        dryRun(Map.of("text", "共享词多少", "tenant", "demo")).body("intents", hasItem(intent));
    }

    private String defineCustomIntent() {
        String intent = "custom-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body(Map.of("name", intent, "label", "自定义", "description", "test intent")).when().post(INTENTS)
                .then().statusCode(201).body("definedIn", equalTo("demo"));
        return intent;
    }

    private static io.restassured.response.ValidatableResponse dryRun(Map<String, Object> body) {
        return dryRunRaw(body).statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse dryRunRaw(Map<String, Object> body) {
        return admin().body(body).when().post(DRY_RUN).then();
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2("test-admin-token").contentType(ContentType.JSON);
    }
}
